import type { RoomChange } from '../db/types';
import type { Transport } from './flush';
import type { OutgoingRequest } from './request';
import type { SendFailure } from './retryPolicy';

/** The client-server API request for a room change. */
function roomChangeRequest(room: string, change: RoomChange): { method: string; path: string; body: unknown } {
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
  }
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
export function httpTransport(homeserverUrl: string, accessToken: string): Transport {
  return {
    async send(request: OutgoingRequest): Promise<string> {
      const room = `/_matrix/client/v3/rooms/${encodeURIComponent(request.roomId)}`;
      const txn = encodeURIComponent(request.txnId);
      let method = 'PUT';
      let path: string;
      let body: unknown;
      if (request.kind === 'room') {
        ({ method, path, body } = roomChangeRequest(room, request.change));
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
      let res: Response;
      try {
        res = await fetch(homeserverUrl + path, {
          method,
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      } catch {
        throw new HttpFailure({});
      }
      const answer = (await res.json().catch(() => ({}))) as { event_id?: unknown; errcode?: unknown; retry_after_ms?: unknown };
      if (res.ok && (request.kind === 'receipt' || request.kind === 'room')) return '';
      if (res.ok && typeof answer.event_id === 'string') return answer.event_id;
      throw new HttpFailure({
        status: res.ok ? 502 : res.status,
        errcode: typeof answer.errcode === 'string' ? answer.errcode : undefined,
        retryAfterMs: typeof answer.retry_after_ms === 'number' ? answer.retry_after_ms : undefined,
      });
    },
    describeFailure(error: unknown): SendFailure {
      return error instanceof HttpFailure ? error.failure : {};
    },
  };
}
