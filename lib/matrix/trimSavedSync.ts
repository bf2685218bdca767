import type { ISavedSync } from 'matrix-js-sdk/lib/store/index.js';

const STATE_AFTER = 'org.matrix.msc4222.state_after';

type RoomsData = ISavedSync['roomsData'];

/**
 * The SDK's sync store keeps up to 50 events per room, and replays them at every start before
 * it handles the homeserver's answer: the longer the saved timelines, the later the new messages
 * show. Dexie already has the timelines, so the sync store needs each room's state and its newest
 * few events only. A room is trimmed only where the saved sync carries the state after its
 * timeline (MSC4222, which this client asks for, and which the store always writes), so
 * dropping timeline events drops no state.
 *
 * Returns new objects down to the trimmed timelines; what is not trimmed is shared with `rooms`.
 */
export function trimTimelines(rooms: RoomsData, keep: number): RoomsData {
  const join: RoomsData['join'] = {};
  for (const [roomId, room] of Object.entries(rooms.join ?? {})) {
    const events = room.timeline?.events;
    const stateAfter = (room as unknown as Record<string, { events?: unknown[] } | undefined>)[STATE_AFTER];
    if (!events || events.length <= keep || !stateAfter?.events) {
      join[roomId] = room;
      continue;
    }
    // What preceded the kept events is no longer the start of this timeline: the SDK's own
    // back-pagination must not believe it is (ours goes through Dexie's gaps).
    join[roomId] = { ...room, timeline: { ...room.timeline, events: events.slice(-keep), limited: true } };
  }
  return { ...rooms, join };
}

/**
 * The saved sync for the SDK's start-up replay: trimmed, and a deep copy (the SDK's processing
 * adds keys to what it replays, and the saved sync must stay as it is). Copying the trimmed
 * sync, not the whole one, is most of the saving.
 */
export function trimSavedSync(saved: ISavedSync | null, keep: number): ISavedSync | null {
  if (!saved) return saved;
  return structuredClone({ ...saved, roomsData: trimTimelines(saved.roomsData, keep) });
}
