import type { OutboxRow } from '../db/types';
import type { Transport } from './flush';
import type { SendFailure } from './retryPolicy';

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
    async send(row: OutboxRow): Promise<string> {
      const path = `/_matrix/client/v3/rooms/${encodeURIComponent(row.roomId)}/send/${encodeURIComponent(row.type)}/${encodeURIComponent(row.txnId)}`;
      let res: Response;
      try {
        res = await fetch(homeserverUrl + path, {
          method: 'PUT',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(row.content),
        });
      } catch {
        throw new HttpFailure({});
      }
      const body = (await res.json().catch(() => ({}))) as { event_id?: unknown; errcode?: unknown; retry_after_ms?: unknown };
      if (res.ok && typeof body.event_id === 'string') return body.event_id;
      throw new HttpFailure({
        status: res.ok ? 502 : res.status,
        errcode: typeof body.errcode === 'string' ? body.errcode : undefined,
        retryAfterMs: typeof body.retry_after_ms === 'number' ? body.retry_after_ms : undefined,
      });
    },
    describeFailure(error: unknown): SendFailure {
      return error instanceof HttpFailure ? error.failure : {};
    },
  };
}
