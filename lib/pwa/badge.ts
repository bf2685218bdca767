/**
 * The installed app's icon shows how many messages are unread (the Badging API, where the
 * browser has it: Chromium on desktop and Android for installed apps). Elsewhere, nothing.
 */
export function showUnreadBadge(count: number): void {
  if (typeof navigator === 'undefined' || !('setAppBadge' in navigator)) return;
  const done = count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge();
  // Refused where the app is not installed: nothing to show then.
  done.catch(() => undefined);
}
