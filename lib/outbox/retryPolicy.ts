/** What the transport tells the outbox about a failed attempt, free of any SDK type. */
export interface SendFailure {
  /** HTTP status, when the homeserver answered. */
  status?: number;
  /** The homeserver's `retry_after_ms` on a 429. */
  retryAfterMs?: number;
  /** Matrix errcode, when the homeserver answered with one. */
  errcode?: string;
  /**
   * Not sent at all: the client does not know the room yet (its state, so whether it is
   * encrypted, comes with a sync). Retried for that room only; the request never left.
   */
  roomNotReady?: boolean;
}

export type RetryDecision =
  | { kind: 'retry'; delayMs: number }
  | { kind: 'fail'; reason: FailureReason };

/** Keys under `outbox.errors` in the message catalogues. */
export type FailureReason = 'tooLarge' | 'forbidden' | 'notFound' | 'nowEncrypted' | 'rejected';

/**
 * Not sent by this client: the file was prepared unencrypted and the room has become encrypted
 * since. Its bytes must not go up in the clear; the user sends it again (encrypted this time).
 */
export const NOW_ENCRYPTED = 'LU_ROOM_NOW_ENCRYPTED';

export const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;

/**
 * Transient failures (no answer, 5xx, 408, 429, an expired token) are retried with exponential backoff and
 * full jitter, so many clients coming back online at once do not retry in step. Anything
 * else the homeserver refused will be refused again: the row fails and the user decides.
 */
export function decideRetry(failure: SendFailure, attempts: number, random = Math.random): RetryDecision {
  const { status } = failure;
  if (failure.roomNotReady) return { kind: 'retry', delayMs: backoff(attempts, random) };
  if (status === 429) {
    const wait = failure.retryAfterMs ?? backoff(attempts, random);
    return { kind: 'retry', delayMs: Math.max(wait, 0) };
  }
  // The access token expired or the session ended softly: it is renewed (or the user signs in
  // again on this device) and the row goes then; it never fails for that.
  if (status === 401) return { kind: 'retry', delayMs: backoff(attempts, random) };
  if (status === undefined || status >= 500 || status === 408) {
    return { kind: 'retry', delayMs: backoff(attempts, random) };
  }
  if (failure.errcode === NOW_ENCRYPTED) return { kind: 'fail', reason: 'nowEncrypted' };
  if (status === 413 || failure.errcode === 'M_TOO_LARGE') return { kind: 'fail', reason: 'tooLarge' };
  if (status === 403) return { kind: 'fail', reason: 'forbidden' };
  if (status === 404) return { kind: 'fail', reason: 'notFound' };
  return { kind: 'fail', reason: 'rejected' };
}

/** Delay before attempt `attempts + 1`: up to BASE·2^attempts, capped, at least half of it. */
export function backoff(attempts: number, random = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
