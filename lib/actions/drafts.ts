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
