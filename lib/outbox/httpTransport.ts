import { openFile } from '../lock/sealing';
import type { ProfileChange, RoomChange } from '../db/types';
import type { Transport } from './flush';
import type { OutgoingRequest } from './request';
import type { SendFailure } from './retryPolicy';

interface HttpRequest {
  method: string;
  path: string;
  body: unknown;
}

/** The client-server API request for a room change (power levels are read first: see `withPowerLevel`). */
function roomChangeRequest(room: string, change: RoomChange & { url?: string }, powerLevels: Record<string, unknown>): HttpRequest {
  switch (change.op) {
    case 'invite':
      return { method: 'POST', path: `${room}/invite`, body: { user_id: change.userId } };
    case 'kick':
      return { method: 'POST', path: `${room}/kick`, body: { user_id: change.userId } };
    case 'leave':
      return { method: 'POST', path: `${room}/leave`, body: {} };
    case 'name':
      return { method: 'PUT', path: `${room}/state/m.room.name/`, body: { name: change.value } };
    case 'topic':
      return { method: 'PUT', path: `${room}/state/m.room.topic/`, body: { topic: change.value } };
    case 'avatar':
      return { method: 'PUT', path: `${room}/state/m.room.avatar/`, body: change.url ? { url: change.url, ...(change.info ? { info: change.info } : {}) } : {} };
    case 'power':
      return { method: 'PUT', path: `${room}/state/m.room.power_levels/`, body: withPowerLevel(powerLevels, change.userId, change.level) };
    case 'join':
      return { method: 'POST', path: `${room}/join`, body: {} };
    case 'notify':
      throw new Error('notification settings are sent by a page');
  }
}

/** The room's power levels with one user's level changed (the default level drops the entry). */
export function withPowerLevel(current: Record<string, unknown>, userId: string, level: number): Record<string, unknown> {
  const users = { ...((current.users ?? {}) as Record<string, number>) };
  const usersDefault = typeof current.users_default === 'number' ? current.users_default : 0;
  if (level === usersDefault) delete users[userId];
  else users[userId] = level;
  return { ...current, users };
}

function profileRequest(userId: string, change: ProfileChange & { url?: string }): HttpRequest {
  const path = `/_matrix/client/v3/profile/${encodeURIComponent(userId)}/${change.field}`;
  return change.field === 'displayname'
    ? { method: 'PUT', path, body: { displayname: change.value } }
    : { method: 'PUT', path, body: { avatar_url: change.url ?? '' } };
}

async function answerOf(res: Response): Promise<Record<string, unknown>> {
  const answer: unknown = await res.json().catch(() => ({}));
  return answer && typeof answer === 'object' ? (answer as Record<string, unknown>) : {};
}

/** A refusal (or a 2xx without what was asked for, as a bad gateway would give). */
function failureOf(res: Response, answer: Record<string, unknown>): HttpFailure {
  return new HttpFailure({
    status: res.ok ? 502 : res.status,
    errcode: typeof answer.errcode === 'string' ? answer.errcode : undefined,
    retryAfterMs: typeof answer.retry_after_ms === 'number' ? answer.retry_after_ms : undefined,
  });
}

class HttpFailure extends Error {
  constructor(readonly failure: SendFailure) {
    super(`send failed: ${failure.status ?? 'no answer'}`);
  }
}

/**
 * Sends rows with plain fetch, for the service worker, which has no matrix-js-sdk and no
 * crypto: callers must only give it rows of unencrypted rooms. The same txnId as the page's
 * means the homeserver stores the event once if both try.
 */
export function httpTransport(homeserverUrl: string, accessToken: string, userId: string): Transport {
  const authorization = `Bearer ${accessToken}`;
  /** A fetch that fails without an answer is the network's failure, not the request's. */
  const call = async (path: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(homeserverUrl + path, { ...init, headers: { authorization, ...init.headers } });
    } catch {
      throw new HttpFailure({});
    }
  };
  return {
    async send(request: OutgoingRequest): Promise<string> {
      const room = `/_matrix/client/v3/rooms/${encodeURIComponent(request.roomId)}`;
      const txn = encodeURIComponent(request.txnId);
      let method = 'PUT';
      let path: string;
      let body: unknown;
      if (request.kind === 'upload') {
        const query = request.name ? `?filename=${encodeURIComponent(request.name)}` : '';
        const body = await openFile(request.blob, request.contentType);
        const res = await call(`/_matrix/media/v3/upload${query}`, { method: 'POST', headers: { 'content-type': request.contentType }, body });
        const answer = await answerOf(res);
        if (res.ok && typeof answer.content_uri === 'string') return answer.content_uri;
        throw failureOf(res, answer);
      }
      if (request.kind === 'create' || request.kind === 'joinAddress' || (request.kind === 'room' && request.change.op === 'notify')) {
        // Rooms are created encrypted, m.direct is read and written with them, and a joined
        // room's encryption is known only from its state: the page's client does these (the
        // service worker's filter never hands it these rows: their rooms count as encrypted).
        // A notification setting is two push rules written in turn, by the page's client too.
        throw new HttpFailure({ roomNotReady: true });
      }
      if (request.kind === 'profile') {
        ({ method, path, body } = profileRequest(userId, request.change));
      } else if (request.kind === 'room') {
        let powerLevels: Record<string, unknown> = {};
        if (request.change.op === 'power') {
          const res = await call(`${room}/state/m.room.power_levels/`, {});
          powerLevels = await answerOf(res);
          if (!res.ok) throw failureOf(res, powerLevels);
        }
        ({ method, path, body } = roomChangeRequest(room, request.change, powerLevels));
      } else if (request.kind === 'receipt') {
        method = 'POST';
        path = `${room}/read_markers`;
        body = { 'm.fully_read': request.eventId, 'm.read': request.eventId };
      } else if (request.kind === 'redaction') {
        path = `${room}/redact/${encodeURIComponent(request.eventId)}/${txn}`;
        body = request.reason ? { reason: request.reason } : {};
      } else {
        path = `${room}/send/${encodeURIComponent(request.type)}/${txn}`;
        body = request.content;
      }
      const res = await call(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = await answerOf(res);
      if (res.ok && (request.kind === 'receipt' || request.kind === 'room' || request.kind === 'profile')) return '';
      if (res.ok && typeof answer.event_id === 'string') return answer.event_id;
      throw failureOf(res, answer);
    },
    describeFailure(error: unknown): SendFailure {
      return error instanceof HttpFailure ? error.failure : {};
    },
  };
}
