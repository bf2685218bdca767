import type { OutboxRow } from '../db/types';
import { decideRetry, type SendFailure } from './retryPolicy';

/**
 * Synapse remembers a device's transaction ids for about 24 hours. A row whose earlier attempt
 * may have reached it, first tried longer ago than this, could be stored twice if resent: the
 * user decides.
 */
export const CONFIRM_AFTER_MS = 23 * 60 * 60 * 1000;

/** `blocked`: the row refers to a message not sent yet; the room's later rows may go on. */
export type Next = 'send' | 'wait' | 'confirm' | 'skip' | 'blocked';

/** What to do with a row now. */
export function nextStep(row: OutboxRow, now: number): Next {
  if (row.state === 'failed' || row.state === 'needs-confirmation' || row.state === 'sent') return 'skip';
  if (row.dependsOn) return 'blocked';
  if (row.outcomeUnknown && !row.confirmed && row.firstAttemptAt !== undefined && now - row.firstAttemptAt > CONFIRM_AFTER_MS) {
    return 'confirm';
  }
  return row.nextAttemptAt > now ? 'wait' : 'send';
}

/** The row as an attempt starts. */
export function started(row: OutboxRow, now: number): Partial<OutboxRow> {
  return { state: 'sending', firstAttemptAt: row.firstAttemptAt ?? now };
}

/** The row after a failed attempt: queued again for later, or failed for good. */
export function afterFailure(row: OutboxRow, failure: SendFailure, now: number, random: () => number): Partial<OutboxRow> {
  const attempts = row.attempts + 1;
  // No answer: the request may have been stored before the connection broke (unless it never left).
  const outcomeUnknown = row.outcomeUnknown || (failure.status === undefined && !failure.roomNotReady && !uploading(row));
  const decision = decideRetry(failure, row.attempts, random);
  if (decision.kind === 'retry') return { state: 'queued', attempts, nextAttemptAt: now + decision.delayMs, outcomeUnknown };
  return { state: 'failed', attempts, error: decision.reason, outcomeUnknown };
}

/**
 * A row left 'sending' by a tab or worker that went away: nobody knows if it arrived, unless
 * it was still uploading (an upload may repeat; only the request after it may not).
 */
export function abandoned(row: OutboxRow): Partial<OutboxRow> {
  return { state: 'queued', outcomeUnknown: row.outcomeUnknown || !uploading(row), nextAttemptAt: 0 };
}

/** Whether the row's next request is one of its uploads. */
export function uploading(row: OutboxRow): boolean {
  return row.uploads?.some((u) => !u.mxc) ?? false;
}

/** The user asks to try a failed row again. */
export function retried(): Partial<OutboxRow> {
  return { state: 'queued', nextAttemptAt: 0, error: undefined };
}

/** The user chose to send a row held for confirmation after all. */
export function confirmedByUser(): Partial<OutboxRow> {
  return { state: 'queued', confirmed: true, nextAttemptAt: 0 };
}
