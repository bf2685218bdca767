import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../db/types';
import { abandoned, afterFailure, CONFIRM_AFTER_MS, nextStep, started } from './stateMachine';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 29, 8, 0);

function row(extra: Partial<OutboxRow> = {}): OutboxRow {
  return { txnId: 'tx', roomId: '!r', createdAt: T0, type: 'm.room.message', content: { body: 'x' }, state: 'queued', attempts: 0, nextAttemptAt: 0, ...extra };
}

describe('outbox state machine', () => {
  it('sends a due row and waits for one that is not due', () => {
    expect(nextStep(row(), T0)).toBe('send');
    expect(nextStep(row({ nextAttemptAt: T0 + 5 }), T0)).toBe('wait');
    expect(nextStep(row({ state: 'failed' }), T0)).toBe('skip');
  });

  it('remembers when the first attempt started, across retries', () => {
    const first = { ...row(), ...started(row(), T0) };
    expect(first.firstAttemptAt).toBe(T0);
    expect(started(first, T0 + HOUR).firstAttemptAt).toBe(T0);
  });

  it('marks the outcome unknown when no answer came, not when the homeserver answered', () => {
    expect(afterFailure(row(), {}, T0, () => 0.5)).toMatchObject({ state: 'queued', outcomeUnknown: true, attempts: 1 });
    expect(afterFailure(row(), { status: 502 }, T0, () => 0.5)).toMatchObject({ state: 'queued', outcomeUnknown: false });
    expect(afterFailure(row(), { status: 400 }, T0, () => 0.5)).toMatchObject({ state: 'failed', error: 'rejected' });
  });

  it('asks for confirmation rather than resend blindly after 23 hours of unknown outcome', () => {
    let r = { ...row(), ...started(row(), T0) };
    r = { ...r, ...afterFailure(r, {}, T0 + 1000, () => 1) };
    expect(nextStep(r, T0 + 22 * HOUR)).toBe('send');
    expect(nextStep(r, T0 + CONFIRM_AFTER_MS + 1)).toBe('confirm');
    expect(nextStep({ ...r, confirmed: true }, T0 + 30 * HOUR)).toBe('send');
  });

  it('resends after 23 hours when every failure was answered (nothing can be stored twice)', () => {
    let r = { ...row(), ...started(row(), T0) };
    r = { ...r, ...afterFailure(r, { status: 503 }, T0 + 1000, () => 1) };
    expect(nextStep(r, T0 + 40 * HOUR)).toBe('send');
  });

  it('treats a row left sending by a closed tab as of unknown outcome', () => {
    const r = { ...row({ state: 'sending', firstAttemptAt: T0 }), ...abandoned(row({ state: 'sending', firstAttemptAt: T0 })) };
    expect(r).toMatchObject({ state: 'queued', outcomeUnknown: true });
    expect(nextStep(r, T0 + 24 * HOUR)).toBe('confirm');
  });
});
