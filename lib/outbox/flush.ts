import { db } from '../db/database';
import { getOutboxRow, recordCreated, recordSent, recordUploaded, removeOutboxRow, updateOutboxRow } from '../db/outbox';
import type { OutboxRow } from '../db/types';
import { requestFor, type OutgoingRequest } from './request';
import type { SendFailure } from './retryPolicy';
import { abandoned, afterFailure, nextStep, started } from './stateMachine';
import { reportUploadProgress } from './uploadProgress';

/** How rows reach the homeserver: the page uses matrix-js-sdk (so encrypted rooms are encrypted). */
export interface Transport {
  /**
   * Sends the request with its row's txnId and resolves with the event id the homeserver gave
   * (for an upload, the content's mxc:// URI; for a creation, the room id).
   */
  send(request: OutgoingRequest, onProgress?: (loadedBytes: number) => void): Promise<string>;
  /** Describes a rejected send() in SDK-free terms. */
  describeFailure(error: unknown): SendFailure;
}

export interface FlusherOptions {
  transport: Transport;
  /**
   * Called after the homeserver accepted a row: the network is back, so whoever waits for it
   * (a sync in backoff, which brings the row's echo) can stop waiting.
   */
  onAccepted?: () => void;
  /** Which rows this flusher may send (the service worker: unencrypted rooms only). */
  accepts?: (row: OutboxRow) => boolean | Promise<boolean>;
  now?: () => number;
  random?: () => number;
  /** Whether to set a timer for the next due row (the service worker is woken by the browser). */
  schedule?: boolean;
  /**
   * Whether rows wait out their backoff. The service worker runs when the browser says the
   * network is back, which is the moment to try, whatever the page's timers said.
   */
  honourBackoff?: boolean;
}

/**
 * Sends the outbox, oldest row first in each room, one request at a time. A transient failure
 * leaves the row queued with its next attempt time and stops that room (so order holds); a
 * failure without any answer stops the whole pass (the homeserver is out of reach). A row
 * referring to a message not sent yet waits for it without holding up the room. A timer wakes
 * the flusher when the earliest waiting row is due. The flusher writes no events: the sync's
 * echo of a sent row is what the timeline shows.
 */
export class OutboxFlusher {
  private running: Promise<boolean> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly now: () => number;
  private readonly random: () => number;
  /** Rows this flusher has a request out for; any other 'sending' row was abandoned. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: FlusherOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /**
   * Starts a pass, or asks the running pass to go round once more. Resolves true when every
   * row this flusher may send has been sent (or is waiting on the user).
   */
  flush(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let done = false;
      try {
        do {
          this.again = false;
          done = await this.pass();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
      return done;
    })();
    return this.running;
  }

  /** No more sends after this (logout, or this tab lost the sync lock). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async pass(): Promise<boolean> {
    const rows = await db().outbox.orderBy('createdAt').toArray();
    const byRoom = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      if (this.options.accepts && !(await this.options.accepts(row))) continue;
      byRoom.set(row.roomId, [...(byRoom.get(row.roomId) ?? []), row]);
    }
    let earliestWait = Infinity;
    let remaining = false;
    rooms: for (const roomRows of byRoom.values()) {
      for (const listed of roomRows) {
        if (this.stopped) return false;
        // Read again: an earlier row's send may have given this one its relation's event id.
        let row = await getOutboxRow(listed.txnId);
        if (!row) continue;
        if (row.state === 'sending' && !this.inFlight.has(row.txnId)) {
          const change = abandoned(row);
          row = { ...row, ...change };
          await updateOutboxRow(row.txnId, change);
        }
        const step = nextStep(this.options.honourBackoff === false ? { ...row, nextAttemptAt: 0 } : row, this.now());
        if (step === 'skip' || step === 'blocked') continue;
        if (step === 'confirm') {
          await updateOutboxRow(row.txnId, { state: 'needs-confirmation' });
          continue;
        }
        if (step === 'wait') {
          remaining = true;
          earliestWait = Math.min(earliestWait, row.nextAttemptAt);
          continue rooms;
        }
        const outcome = await this.attempt(row);
        if (outcome === 'sent') continue;
        remaining = true;
        earliestWait = Math.min(earliestWait, outcome.retryAt);
        if (outcome.unreachable) break rooms;
        continue rooms;
      }
    }
    this.schedule(earliestWait);
    return !remaining;
  }

  /** One try at one row: its uploads first, one by one, then its request. */
  private async attempt(row: OutboxRow): Promise<'sent' | { retryAt: number; unreachable: boolean }> {
    const request = requestFor(row);
    if (!request) return 'sent'; // waits for the row it refers to
    const outcome = await this.attemptRequest(row, request);
    if (outcome !== 'uploaded') return outcome;
    const next = await getOutboxRow(row.txnId);
    return next ? this.attempt(next) : 'sent';
  }

  private async attemptRequest(row: OutboxRow, request: OutgoingRequest): Promise<'sent' | 'uploaded' | { retryAt: number; unreachable: boolean }> {
    // The row may have been discarded or sent by another pass since the list was read.
    if (!(await updateOutboxRow(row.txnId, started(row, this.now())))) return 'sent';
    this.inFlight.add(row.txnId);
    try {
      const eventId = await this.options.transport.send(request, request.kind === 'upload' ? progressOf(row, request.index) : undefined);
      if (request.kind === 'upload') {
        // The row goes back to queued with its URI; the same pass sends what it was for.
        await recordUploaded(row.txnId, request.index, eventId);
        if (request.index === row.uploads!.length - 1) reportUploadProgress(row.txnId, null);
        return (await updateOutboxRow(row.txnId, { state: 'queued' })) ? 'uploaded' : 'sent';
      }
      if (request.kind === 'create' || request.kind === 'joinAddress') {
        // The room's id is known now: what was written in the room meanwhile moves to its real id and goes next.
        await recordCreated(row.txnId, eventId);
        this.options.onAccepted?.();
        return 'sent';
      }
      // A receipt, a room or profile change has no echo to wait for.
      if (request.kind === 'receipt' || request.kind === 'room' || request.kind === 'profile') await removeOutboxRow(row.txnId);
      else await recordSent(row.txnId, eventId);
      this.options.onAccepted?.();
      return 'sent';
    } catch (error) {
      if (request.kind === 'upload') reportUploadProgress(row.txnId, null);
      const failure = this.options.transport.describeFailure(error);
      const change = afterFailure(row, failure, this.now(), this.random);
      // A refused receipt is no message to retry by hand: it is dropped (the next read sends another).
      if (change.state === 'failed' && request.kind === 'receipt') await removeOutboxRow(row.txnId);
      const stillThere = await updateOutboxRow(row.txnId, change);
      // Gone (discarded meanwhile) or failed for good: either way the room may go on.
      if (!stillThere || change.state === 'failed') return 'sent';
      // No answer at all: the homeserver is out of reach for every room. A room the client does
      // not know yet holds back that room only.
      return { retryAt: change.nextAttemptAt ?? this.now(), unreachable: failure.status === undefined && !failure.roomNotReady };
    } finally {
      this.inFlight.delete(row.txnId);
    }
  }

  private schedule(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!Number.isFinite(at) || this.stopped || this.options.schedule === false) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, at - this.now()));
  }
}

/** Reports a row's upload progress over all its uploads, weighted by their sizes. */
function progressOf(row: OutboxRow, index: number): (loadedBytes: number) => void {
  const uploads = row.uploads ?? [];
  const total = uploads.reduce((sum, u) => sum + u.blob.size, 0) || 1;
  const before = uploads.slice(0, index).reduce((sum, u) => sum + u.blob.size, 0);
  return (loaded) => reportUploadProgress(row.txnId, (before + loaded) / total);
}
