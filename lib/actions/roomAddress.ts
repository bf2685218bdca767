/** A room to join: its alias or id, and servers that know it (from a matrix.to link's `via`). */
export interface RoomAddress {
  idOrAlias: string;
  via: string[];
}

const ROOM = /^[#!][^:\s]+:[^\s]+$/;
const MATRIX_TO = /^https:\/\/matrix\.to\/#\/([^?]+)(?:\?(.*))?$/;

/** Reads "#alias:server", "!id:server" or a matrix.to link to a room; null for anything else. */
export function parseRoomAddress(input: string): RoomAddress | null {
  const text = input.trim();
  const link = MATRIX_TO.exec(text);
  if (link) {
    let target: string;
    try {
      target = decodeURIComponent(link[1]);
    } catch {
      return null;
    }
    if (!ROOM.test(target)) return null;
    const via = new URLSearchParams(link[2] ?? '').getAll('via').filter(Boolean);
    return { idOrAlias: target, via };
  }
  return ROOM.test(text) ? { idOrAlias: text, via: [] } : null;
}
