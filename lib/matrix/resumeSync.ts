import { applyChanges } from '../db/applyChanges';
import { storedForAnswer } from '../db/queries';
import { getResumePoint } from '../db/resumePoint';
import { lockConfigured } from '../lock/sealing';
import type { SessionRow } from '../db/types';
import { markStep } from '../perfMarks';
import { joinedRooms, referencedByAnswer, resumedSyncBatch } from './resumedSync';

/** A /sync answer as received (any status), to be handed to the SDK unchanged. */
export interface SyncAnswer {
  status: number;
  headers: [string, string][];
  text: string;
}

/**
 * The first /sync of a reopened app, asked before the SDK has loaded: from the position the
 * SDK saved, with its filter and the parameters its first request uses. `answer` settles once
 * the answer's plain messages are in Dexie (or null if no answer came): the SDK's own first
 * /sync, asking the same, is served this answer instead of asking again (StartupPrefetch).
 */
export interface ResumedSync {
  since: string;
  filterId: string;
  answer: Promise<SyncAnswer | null>;
}

/** A first /sync that gets no answer in this time is left to the SDK, which asks again. */
const ANSWER_TIMEOUT_MS = 30_000;

/** The query the SDK's first /sync after a start sends (matrix-js-sdk's getSyncParams). */
export function resumeQuery(since: string, filterId: string): URLSearchParams {
  return new URLSearchParams({
    filter: filterId,
    timeout: '0',
    'org.matrix.msc4222.use_state_after': 'true',
    set_presence: 'offline',
    since,
  });
}

/** Starts the resumed /sync; null when there is no saved position (a first start). */
export async function resumeSync(session: SessionRow): Promise<ResumedSync | null> {
  // With the app lock on, the SDK keeps no saved sync to resume from (client.ts).
  if (lockConfigured()) return null;
  const point = await getResumePoint();
  if (!point) return null;
  const url = `${session.homeserverUrl.replace(/\/+$/, '')}/_matrix/client/v3/sync?${resumeQuery(point.since, point.filterId)}`;
  const answer = fetch(url, {
    headers: { Authorization: `Bearer ${session.accessToken}` },
    credentials: 'omit',
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  })
    .then(async (r): Promise<SyncAnswer> => ({ status: r.status, headers: [...r.headers.entries()], text: await r.text() }))
    .catch(() => null)
    .then(async (received) => {
      if (received?.status === 200) await storeAnswer(received.text);
      return received;
    });
  return { since: point.since, filterId: point.filterId, answer };
}

/** Writes what the answer brings for the stored rooms; a failure here only leaves it to the SDK. */
async function storeAnswer(text: string): Promise<void> {
  try {
    const rooms = joinedRooms(JSON.parse(text));
    const { roomIds, eventIds, senders } = referencedByAnswer(rooms);
    if (!roomIds.length) return;
    const stored = await storedForAnswer(roomIds, eventIds, senders);
    const names = new Map(stored.members.map((m) => [`${m.roomId}|${m.userId}`, m.displayName]));
    const batch = resumedSyncBatch(rooms, {
      rooms: new Map(stored.rooms.map((r) => [r.roomId, r])),
      storedEventIds: new Set(stored.storedEventIds),
      storedName: (roomId, userId) => names.get(`${roomId}|${userId}`),
    });
    await applyChanges(batch);
    markStep('luxchat:resumed-sync-stored');
  } catch (error) {
    console.warn('luxchat: resumed sync not stored ahead of the SDK', error);
  }
}
