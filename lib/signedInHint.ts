/**
 * Whether this browser was signed in when last seen, as a hint for the first paint only: the
 * pre-rendered page holds the login form (it paints with the first bytes for someone signing
 * in), and the head script hides it when the hint says the chats are about to show instead.
 * The session itself is in Dexie; logout wipes web storage, and the hint with it.
 */
const KEY = 'luxchat-signed-in';

export const SIGNED_IN_SCRIPT = `(function(){try{if(localStorage.getItem('${KEY}'))document.documentElement.dataset.signedIn=''}catch(e){}})()`;

export function wasSignedIn(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return false;
  }
}

export function noteSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
    document.documentElement.toggleAttribute('data-signed-in', signedIn);
  } catch {
    // No storage: the login form may show for a moment before the chats.
  }
}
