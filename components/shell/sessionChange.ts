// A login in this tab tells the app shell to look for the session again (the database now
// exists). Kept apart from the Dexie hooks: the login screen must not load Dexie.
export const SESSION_CHANGED = 'luxchat:session';

export function announceSessionChange(): void {
  window.dispatchEvent(new Event(SESSION_CHANGED));
}
