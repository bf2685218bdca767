import { describe, expect, it } from 'vitest';
import { backoff, BASE_DELAY_MS, decideRetry, MAX_DELAY_MS, NOW_ENCRYPTED } from './retryPolicy';

describe('decideRetry', () => {
  it('retries when the homeserver did not answer, with growing delays', () => {
    const first = decideRetry({}, 0, () => 1);
    const fifth = decideRetry({}, 4, () => 1);
    expect(first).toEqual({ kind: 'retry', delayMs: BASE_DELAY_MS });
    expect(fifth).toEqual({ kind: 'retry', delayMs: 16 * BASE_DELAY_MS });
  });

  it('retries 5xx and 408', () => {
    expect(decideRetry({ status: 502 }, 0).kind).toBe('retry');
    expect(decideRetry({ status: 408 }, 0).kind).toBe('retry');
  });

  it("waits exactly the homeserver's retry_after_ms on 429", () => {
    expect(decideRetry({ status: 429, retryAfterMs: 4321 }, 7)).toEqual({ kind: 'retry', delayMs: 4321 });
  });

  it('waits out an expired or refused token instead of failing the row', () => {
    expect(decideRetry({ status: 401, errcode: 'M_UNKNOWN_TOKEN' }, 3, () => 0).kind).toBe('retry');
    expect(decideRetry({ status: 401, errcode: 'M_MISSING_TOKEN' }, 0, () => 0).kind).toBe('retry');
  });

  it('fails permanently on refusals, with a reason the UI can show', () => {
    expect(decideRetry({ status: 413 }, 0)).toEqual({ kind: 'fail', reason: 'tooLarge' });
    expect(decideRetry({ status: 400, errcode: 'M_TOO_LARGE' }, 0)).toEqual({ kind: 'fail', reason: 'tooLarge' });
    // A file prepared in the clear for a room encrypted since: never sent, the user sends it again.
    expect(decideRetry({ status: 400, errcode: NOW_ENCRYPTED }, 0)).toEqual({ kind: 'fail', reason: 'nowEncrypted' });
    expect(decideRetry({ status: 403 }, 0)).toEqual({ kind: 'fail', reason: 'forbidden' });
    expect(decideRetry({ status: 400 }, 0)).toEqual({ kind: 'fail', reason: 'rejected' });
  });
});

describe('backoff', () => {
  it('never exceeds the cap and keeps at least half of it (jitter)', () => {
    expect(backoff(50, () => 1)).toBe(MAX_DELAY_MS);
    expect(backoff(50, () => 0)).toBe(MAX_DELAY_MS / 2);
    expect(backoff(0, () => 0)).toBe(BASE_DELAY_MS / 2);
  });
});
