import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { retireEchoes } from '../db/outbox';
import { enqueue, enqueueProfileChange, enqueueRoomChange } from './enqueue';
import { OutboxFlusher, type Transport } from './flush';
import type { OutgoingRequest } from './request';
import { uploadProgress } from './uploadProgress';
import type { SendFailure } from './retryPolicy';

class FakeTransport implements Transport {
  sent: { txnId: string; body: unknown; roomId: string }[] = [];
  requests: OutgoingRequest[] = [];
  /** Failures to answer with, in order (null: that call succeeds), before succeeding again. */
  failures: (SendFailure | 'network' | null)[] = [];
  /** The content types uploaded. */
  uploads: string[] = [];
  calls = 0;
  // The second parameter, the upload progress callback, is used by the tests that wrap send().
  async send(request: OutgoingRequest, _onProgress?: (loadedBytes: number) => void): Promise<string> {
    this.calls++;
    const next = this.failures.shift();
    if (next === 'network') throw { kind: 'network' };
    if (next) throw next;
    if (request.kind === 'upload') {
      this.uploads.push(request.contentType);
      return `mxc://hs/upload-${this.uploads.length}`;
    }
    this.requests.push(request);
    const body = request.kind === 'event' ? request.content.body : undefined;
    this.sent.push({ txnId: request.txnId, body, roomId: request.roomId });
    return `$event-${this.sent.length}`;
  }
  describeFailure(error: unknown): SendFailure {
    return (error as { kind?: string }).kind === 'network' ? {} : (error as SendFailure);
  }
}

let clock = 1_000_000;
const now = () => clock;

beforeEach(async () => {
  clock = 1_000_000;
  await db().delete();
  await db().open();
});

const text = (roomId: string, body: string) => enqueue({ roomId, content: { msgtype: 'm.text', body } });

describe('OutboxFlusher', () => {
  it('sends each room in order; a sent row stays, as sent, until its echo, and writes no event', async () => {
    const transport = new FakeTransport();
    await text('!a', 'one');
    await text('!b', 'other room');
    await text('!a', 'two');
    const flusher = new OutboxFlusher({ transport, now });
    await flusher.flush();
    flusher.stop();
    expect(transport.sent.filter((s) => s.roomId === '!a').map((s) => s.body)).toEqual(['one', 'two']);
    const rows = await db().outbox.toArray();
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    expect(rows.every((r) => r.eventId?.startsWith('$event-'))).toBe(true);
    expect(await db().events.count()).toBe(0);
    // The sync's echo retires them.
    await db().transaction('rw', db().outbox, () => retireEchoes(db(), rows.map((r) => ({ eventId: r.eventId!, txnId: r.txnId }))));
    expect(await db().outbox.count()).toBe(0);
  });

  it('keeps a row after a network failure, with the same txnId for the retry, and holds later rows back', async () => {
    const transport = new FakeTransport();
    transport.failures = ['network'];
    const first = await text('!a', 'first');
    await text('!a', 'second');
    const flusher = new OutboxFlusher({ transport, now, random: () => 1 });
    await flusher.flush();
    expect(transport.sent).toEqual([]);
    const waiting = await db().outbox.get(first.txnId);
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: clock + 1_000 });

    // Not due yet: nothing is sent.
    await flusher.flush();
    expect(transport.sent).toEqual([]);
    clock += 1_000;
    await flusher.flush();
    flusher.stop();
    expect(transport.sent.map((s) => s.body)).toEqual(['first', 'second']);
    expect(transport.sent[0].txnId).toBe(first.txnId);
  });

  it("honours a 429's retry_after_ms", async () => {
    const transport = new FakeTransport();
    transport.failures = [{ status: 429, retryAfterMs: 7_000 }];
    const row = await text('!a', 'hello');
    const flusher = new OutboxFlusher({ transport, now });
    await flusher.flush();
    flusher.stop();
    expect((await db().outbox.get(row.txnId))?.nextAttemptAt).toBe(clock + 7_000);
  });

  it('marks a refused row failed with its reason and lets the room go on', async () => {
    const transport = new FakeTransport();
    transport.failures = [{ status: 413 }];
    const big = await text('!a', 'big');
    await text('!a', 'small');
    const flusher = new OutboxFlusher({ transport, now });
    await flusher.flush();
    flusher.stop();
    expect(await db().outbox.get(big.txnId)).toMatchObject({ state: 'failed', error: 'tooLarge' });
    expect(transport.sent.map((s) => s.body)).toEqual(['small']);
  });

  it('a sync echo that came before the send returned leaves nothing behind', async () => {
    const transport = new FakeTransport();
    const row = await text('!a', 'echoed');
    // The echo arrives while the request is out.
    transport.send = async (request) => {
      await db().transaction('rw', db().outbox, () => retireEchoes(db(), [{ eventId: '$fast', txnId: request.txnId }]));
      return '$fast';
    };
    const flusher = new OutboxFlusher({ transport, now });
    await flusher.flush();
    flusher.stop();
    expect(await db().outbox.get(row.txnId)).toBeUndefined();
  });

  it('gives rows typed in the same millisecond distinct, ordered times', async () => {
    const rows = [];
    for (let i = 0; i < 5; i++) rows.push(await text('!a', `m${i}`));
    const times = rows.map((r) => r.createdAt);
    expect(new Set(times).size).toBe(5);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('OutboxFlusher and the 23-hour rule', () => {
  it('holds a row whose first attempt went unanswered a day ago for confirmation, and sends it once confirmed', async () => {
    const transport = new FakeTransport();
    transport.failures = ['network'];
    const row = await text('!a', 'late');
    const flusher = new OutboxFlusher({ transport, now, random: () => 1 });
    await flusher.flush();
    expect(transport.sent).toEqual([]);
    clock += 24 * 60 * 60 * 1000;
    await flusher.flush();
    expect(transport.sent).toEqual([]);
    expect(await db().outbox.get(row.txnId)).toMatchObject({ state: 'needs-confirmation' });

    await db().outbox.update(row.txnId, { state: 'queued', confirmed: true });
    await flusher.flush();
    flusher.stop();
    expect(transport.sent.map((s) => s.body)).toEqual(['late']);
  });

  it('resumes a row another tab left half-sent, with its original txnId', async () => {
    const transport = new FakeTransport();
    const row = await text('!a', 'half');
    await db().outbox.update(row.txnId, { state: 'sending', firstAttemptAt: clock });
    const flusher = new OutboxFlusher({ transport, now });
    await flusher.flush();
    flusher.stop();
    expect(transport.sent).toEqual([{ txnId: row.txnId, body: 'half', roomId: '!a' }]);
  });

  it('sends only the rows it accepts (the service worker: unencrypted rooms)', async () => {
    const transport = new FakeTransport();
    await text('!secret', 'encrypted room');
    await text('!open', 'open room');
    const flusher = new OutboxFlusher({ transport, now, accepts: (r) => r.roomId === '!open', schedule: false });
    expect(await flusher.flush()).toBe(true);
    expect(transport.sent.map((s) => s.body)).toEqual(['open room']);
    expect(await db().outbox.where('state').equals('queued').count()).toBe(1);
  });

  it('stops the whole pass when the homeserver does not answer at all', async () => {
    const transport = new FakeTransport();
    transport.failures = ['network'];
    await text('!a', 'a1');
    await text('!b', 'b1');
    const flusher = new OutboxFlusher({ transport, now, schedule: false });
    expect(await flusher.flush()).toBe(false);
    // One request for two rooms: no storm while offline.
    expect(transport.calls).toBe(1);
  });

  it('a room the client does not know yet holds back only that room, and is no lost answer', async () => {
    const transport = new FakeTransport();
    transport.failures = [{ roomNotReady: true }];
    const waiting = await text('!new', 'to a room still syncing');
    await text('!b', 'b1');
    const flusher = new OutboxFlusher({ transport, now, schedule: false, random: () => 1 });
    expect(await flusher.flush()).toBe(false);
    expect(transport.sent.map((s) => s.body)).toEqual(['b1']);
    const row = await db().outbox.get(waiting.txnId);
    // Never sent: no "did it arrive?" question a day later.
    expect(row).toMatchObject({ state: 'queued', attempts: 1 });
    expect(row?.outcomeUnknown).toBeFalsy();
    clock += 60_000;
    expect(await flusher.flush()).toBe(true);
    expect(transport.sent.map((s) => s.body)).toEqual(['b1', 'to a room still syncing']);
  });
});

describe('OutboxFlusher and the network coming back', () => {
  it('says so after each row the homeserver accepted, not after a failure', async () => {
    const transport = new FakeTransport();
    transport.failures = [{ status: 413 }];
    await text('!a', 'refused');
    await text('!a', 'accepted');
    let accepted = 0;
    const flusher = new OutboxFlusher({ transport, now, schedule: false, onAccepted: () => accepted++ });
    await flusher.flush();
    expect(accepted).toBe(1);
  });

  it('uploads a row\'s bytes before its request, and does not upload them again when the request is retried', async () => {
    const transport = new FakeTransport();
    await enqueueRoomChange('!a', { op: 'avatar' }, [{ blob: new Blob(['png']), contentType: 'image/png' }]);
    // The upload goes through; the change after it is refused for now (rate limited).
    transport.failures = [null, { status: 429, retryAfterMs: 10 }];
    const flusher = new OutboxFlusher({ transport, now, schedule: false });
    expect(await flusher.flush()).toBe(false);
    const [waiting] = await db().outbox.toArray();
    expect(waiting).toMatchObject({ state: 'queued', outcomeUnknown: false });
    expect(waiting.uploads?.[0].mxc).toBe('mxc://hs/upload-1');
    clock += 1000;
    expect(await flusher.flush()).toBe(true);
    expect(transport.uploads).toEqual(['image/png']);
    expect(transport.requests).toEqual([{ kind: 'room', roomId: '!a', txnId: waiting.txnId, change: { op: 'avatar', url: 'mxc://hs/upload-1' } }]);
    expect(await db().outbox.count()).toBe(0);
  });

  it('retries an upload that got no answer without holding the row for confirmation later', async () => {
    const transport = new FakeTransport();
    await enqueueProfileChange({ field: 'avatar_url' }, [{ blob: new Blob(['png']), contentType: 'image/png' }]);
    transport.failures = ['network'];
    const flusher = new OutboxFlusher({ transport, now, schedule: false });
    expect(await flusher.flush()).toBe(false);
    const [row] = await db().outbox.toArray();
    expect(row).toMatchObject({ state: 'queued', outcomeUnknown: false });
    expect(row.uploads?.[0].mxc).toBeUndefined();
    flusher.stop();
  });

  it('reports upload progress over all of a row\'s uploads, weighted by size, and clears it when they are done', async () => {
    const seen: (number | undefined)[] = [];
    const transport = new FakeTransport();
    const send = transport.send.bind(transport);
    let txnId = '';
    transport.send = async (request, onProgress) => {
      if (request.kind === 'upload') {
        onProgress?.(request.blob.size / 2);
        seen.push(uploadProgress(txnId));
      }
      return send(request);
    };
    const row = await enqueue({ roomId: '!a', content: { msgtype: 'm.image', body: 'p.png' }, uploads: [
      { blob: new Blob(['x'.repeat(300)]), contentType: 'image/png' },
      { blob: new Blob(['x'.repeat(100)]), contentType: 'image/png' },
    ] });
    txnId = row.txnId;
    const flusher = new OutboxFlusher({ transport, now, schedule: false });
    await flusher.flush();
    expect(seen).toEqual([150 / 400, (300 + 50) / 400]);
    expect(uploadProgress(txnId)).toBeUndefined();
    expect(transport.requests.map((r) => r.kind)).toEqual(['event']);
  });
});
