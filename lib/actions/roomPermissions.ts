import type { PowerNeeded, RoomRow } from '../db/types';

/**
 * Whether the user may do something in a room, by its power levels as last synced: asked
 * before anything is sent, so the refusal is clear and immediate (the homeserver checks again).
 */
export function may(room: Pick<RoomRow, 'myPowerLevel' | 'levels'>, action: keyof PowerNeeded): boolean {
  const defaults: PowerNeeded = { redact: 50, invite: 0, kick: 50, name: 50, topic: 50 };
  return (room.myPowerLevel ?? 0) >= (room.levels ?? defaults)[action];
}

/** A member's role by power level, as clients show it. */
export function roleOf(powerLevel: number | undefined): 'admin' | 'moderator' | null {
  if ((powerLevel ?? 0) >= 100) return 'admin';
  if ((powerLevel ?? 0) >= 50) return 'moderator';
  return null;
}
