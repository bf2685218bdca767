import type { ISavedSync } from 'matrix-js-sdk/lib/store/index.js';

const STATE_AFTER = 'org.matrix.msc4222.state_after';

/**
 * The SDK replays its saved sync at every start, before it handles the homeserver's answer:
 * the longer the saved timelines, the later the new messages show. Dexie already has those
 * timelines, so the replay needs each room's state and its newest few events only. A room is
 * trimmed only where the saved sync carries the state after its timeline (MSC4222, which this
 * client asks for), so dropping timeline events drops no state.
 */
export function trimSavedSync(saved: ISavedSync | null, keep: number): ISavedSync | null {
  if (!saved) return saved;
  const join = saved.roomsData.join ?? {};
  for (const room of Object.values(join)) {
    const events = room.timeline?.events;
    const stateAfter = (room as unknown as Record<string, { events?: unknown[] } | undefined>)[STATE_AFTER];
    if (!events || events.length <= keep || !stateAfter?.events) continue;
    room.timeline.events = events.slice(-keep);
    // What preceded the kept events is no longer the start of this timeline: the SDK's own
    // back-pagination must not believe it is (ours goes through Dexie's gaps).
    room.timeline.limited = true;
  }
  return saved;
}
