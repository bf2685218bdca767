// Said when the user has queued a message: the moment the app may offer notifications
// (someone who writes here expects answers), never on load.
export const MESSAGE_SENT = 'luxchat:message-sent';

export function announceMessageSent(): void {
  window.dispatchEvent(new Event(MESSAGE_SENT));
}
