import { db } from '../db/database';
import type { EventRow, OutboxRow } from '../db/types';
import { decideRetry, type SendFailure } from './retryPolicy';

/** How rows reach the homeserver; the page uses matrix-js-sdk, so encrypted rooms are encrypted. */
export interface Transport {
  /** Sends the row with its own txnId and resolves with the event id the homeserver gave. */
  send(row: OutboxRow): Promise<string>;
  /** Describes a rejected send() in SDK-free terms. */
  describeFailure(error: unknown): SendFailure;
}

export interface FlusherOptions {
  transport: Transport;
  /** Who sends: the event row written when a send succeeds carries it. */
  sender: { userId: string; displayName: string };
  now?: () => number;
  random?: () => number;
  /** Called when the flusher sees a network-level failure or a success (for the status bar). */
  onReachability?: (reachable: boolean) => void;
}

/**
 * Sends the outbox, oldest row first in each room, one request at a time. A transient failure
 * leaves the row queued with its next attempt time and stops that room (so order holds);
 * a timer wakes the flusher when the earliest waiting row is due.
 */
export class OutboxFlusher {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: FlusherOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Starts a pass, or asks the running pass to go round once more. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** No more sends after this (logout, or this tab lost the sync lock). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async pass(): Promise<void> {
    const rows = await db().outbox.orderBy('createdAt').toArray();
    const byRoom = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      if (row.state === 'failed') continue;
      byRoom.set(row.roomId, [...(byRoom.get(row.roomId) ?? []), row]);
    }
    let earliestWait = Infinity;
    for (const roomRows of byRoom.values()) {
      for (const row of roomRows) {
        if (this.stopped) return;
        if (row.nextAttemptAt > this.now()) {
          earliestWait = Math.min(earliestWait, row.nextAttemptAt);
          break;
        }
        const retryAt = await this.attempt(row);
        if (retryAt !== null) {
          earliestWait = Math.min(earliestWait, retryAt);
          break;
        }
      }
    }
    this.schedule(earliestWait);
  }

  /** One try at one row; returns when to try again, or null when the room may go on. */
  private async attempt(row: OutboxRow): Promise<number | null> {
    const { transport, sender } = this.options;
    const outbox = db().outbox;
    // The row may have been discarded or sent by another pass since the list was read.
    if (!(await outbox.update(row.txnId, { state: 'sending' }))) return null;
    try {
      const eventId = await transport.send(row);
      await this.recordSent(row, eventId, sender);
      this.options.onReachability?.(true);
      return null;
    } catch (error) {
      const failure = transport.describeFailure(error);
      console.debug('luxchat: send failed', error);
      if (failure.status === undefined) this.options.onReachability?.(false);
      const decision = decideRetry(failure, row.attempts, this.random);
      if (decision.kind === 'retry') {
        const nextAttemptAt = this.now() + decision.delayMs;
        await outbox.update(row.txnId, { state: 'queued', attempts: row.attempts + 1, nextAttemptAt });
        return nextAttemptAt;
      }
      await outbox.update(row.txnId, { state: 'failed', attempts: row.attempts + 1, error: decision.reason });
      return null;
    }
  }

  /** Retires the row and stores the event in one step, so the timeline never shows it twice. */
  private async recordSent(row: OutboxRow, eventId: string, sender: FlusherOptions['sender']) {
    const d = db();
    await d.transaction('rw', d.outbox, d.events, async () => {
      await d.outbox.delete(row.txnId);
      if (await d.events.get(eventId)) return; // the sync's remote echo came first
      const content = row.content as { body?: unknown; msgtype?: unknown };
      const event: EventRow = {
        eventId,
        roomId: row.roomId,
        ts: this.now(),
        sender: sender.userId,
        senderName: sender.displayName,
        type: row.type,
        msgtype: typeof content.msgtype === 'string' ? content.msgtype : undefined,
        body: typeof content.body === 'string' ? content.body : undefined,
        txnId: row.txnId,
      };
      await d.events.put(event);
    });
  }

  private schedule(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!Number.isFinite(at) || this.stopped) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, at - this.now()));
  }
}
