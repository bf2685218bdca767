import { lockConfigured } from '../lock/sealing';

// Unsent text per room, kept in localStorage so a reload (an update, a crash) does not lose
// it; logout wipes it with the rest. With the app lock on, web storage would hold it in the
// clear: drafts then live in the page only.
const key = (roomId: string) => `luxchat.draft.${roomId}`;
const inPage = new Map<string, string>();

export function loadDraft(roomId: string): string {
  if (lockConfigured()) return inPage.get(roomId) ?? '';
  try {
    return localStorage.getItem(key(roomId)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(roomId: string, text: string): void {
  if (lockConfigured()) {
    if (text) inPage.set(roomId, text);
    else inPage.delete(roomId);
    try {
      localStorage.removeItem(key(roomId));
    } catch {
      // nothing stored
    }
    return;
  }
  try {
    if (text) localStorage.setItem(key(roomId), text);
    else localStorage.removeItem(key(roomId));
  } catch {
    // storage full or unavailable: the draft lives in the page only
  }
}

/** The app lock was turned on: drafts kept in web storage would stay there in the clear. */
export function forgetStoredDrafts(): void {
  try {
    for (const name of Object.keys(localStorage)) if (name.startsWith(key(''))) localStorage.removeItem(name);
  } catch {
    // no web storage
  }
}

/** A room created on this device got its real id: what was being typed in it goes along. */
export function moveDraft(from: string, to: string): void {
  const text = loadDraft(from);
  if (!text) return;
  if (!loadDraft(to)) saveDraft(to, text);
  saveDraft(from, '');
}
