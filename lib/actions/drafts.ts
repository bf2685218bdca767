// Unsent text per room, kept in localStorage so a reload (an update, a crash) does not lose
// it; logout wipes it with the rest.
const key = (roomId: string) => `luxchat.draft.${roomId}`;

export function loadDraft(roomId: string): string {
  try {
    return localStorage.getItem(key(roomId)) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(roomId: string, text: string): void {
  try {
    if (text) localStorage.setItem(key(roomId), text);
    else localStorage.removeItem(key(roomId));
  } catch {
    // storage full or unavailable: the draft lives in the page only
  }
}

/** A room created on this device got its real id: what was being typed in it goes along. */
export function moveDraft(from: string, to: string): void {
  const text = loadDraft(from);
  if (!text) return;
  if (!loadDraft(to)) saveDraft(to, text);
  saveDraft(from, '');
}
