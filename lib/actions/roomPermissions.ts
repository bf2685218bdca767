import type { PowerNeeded, RoomRow } from '../db/types';

/**
 * Whether the user may do something in a room, by its power levels as last synced: asked
 * before anything is sent, so the refusal is clear and immediate (the homeserver checks again).
 */
export function may(room: Pick<RoomRow, 'myPowerLevel' | 'levels'>, action: keyof PowerNeeded): boolean {
  // Rooms stored before a level was projected fall back to the spec's defaults.
  const defaults: Required<PowerNeeded> = { redact: 50, invite: 0, kick: 50, name: 50, topic: 50, avatar: 50, power: 100 };
  return (room.myPowerLevel ?? 0) >= (room.levels?.[action] ?? defaults[action]);
}

/** The power levels of the roles a member can be given, as clients name them. */
export const ROLE_LEVELS = { member: 0, moderator: 50, admin: 100 } as const;
export type Role = keyof typeof ROLE_LEVELS;

/**
 * Whether the user may change a member's role (to `level`): the room lets them change power
 * levels, the member is below them (or is themself), and the new level is not above their own.
 */
export function mayChangeRole(
  room: Pick<RoomRow, 'myPowerLevel' | 'levels'>,
  member: { powerLevel?: number; isMe: boolean },
  level: number,
): boolean {
  const mine = room.myPowerLevel ?? 0;
  if (!may(room, 'power') || level > mine) return false;
  return member.isMe || (member.powerLevel ?? 0) < mine;
}

/** A member's role by power level, as clients show it. */
export function roleOf(powerLevel: number | undefined): 'admin' | 'moderator' | null {
  if ((powerLevel ?? 0) >= 100) return 'admin';
  if ((powerLevel ?? 0) >= 50) return 'moderator';
  return null;
}
