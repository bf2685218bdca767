import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/database';
import { discardOutboxRow, retireEchoes, unsentRowCount } from '../db/outbox';
import { enqueue, enqueueReceipt, enqueueRoomChange, TargetGone } from './enqueue';
import { OutboxFlusher, type Transport } from './flush';
import type { OutgoingRequest } from './request';

/** Answers each request with the next event id, and remembers what it was asked. */
class RecordingTransport implements Transport {
  requests: OutgoingRequest[] = [];
  async send(request: OutgoingRequest): Promise<string> {
    this.requests.push(request);
    return `$e${this.requests.length}`;
  }
  describeFailure(): never {
    throw new Error('no failures here');
  }
}

beforeEach(async () => {
  await db().delete();
  await db().open();
});

const message = (body: string) => enqueue({ roomId: '!r', content: { msgtype: 'm.text', body } });

describe('rows that refer to unsent rows', () => {
  it('a reply, a reaction, an edit and a deletion of an unsent message go out after it, with its event id', async () => {
    const first = await message('first');
    await enqueue({ roomId: '!r', content: { msgtype: 'm.text', body: 'a reply' }, relatesTo: { rel: 'reply', to: { txnId: first.txnId } } });
    await enqueue({ roomId: '!r', content: {}, relatesTo: { rel: 'annotation', to: { txnId: first.txnId }, key: '👍' } });
    await enqueue({ roomId: '!r', content: { msgtype: 'm.text', body: 'first, fixed' }, relatesTo: { rel: 'replace', to: { txnId: first.txnId } } });
    await enqueue({ roomId: '!r', kind: 'redaction', content: {}, relatesTo: { rel: 'redact', to: { txnId: first.txnId } } });
    const transport = new RecordingTransport();
    const flusher = new OutboxFlusher({ transport, schedule: false });
    expect(await flusher.flush()).toBe(true);
    const [sent, reply, reaction, edit, redaction] = transport.requests;
    expect(sent).toMatchObject({ kind: 'event', content: { body: 'first' } });
    expect(reply).toMatchObject({ content: { body: 'a reply', 'm.relates_to': { 'm.in_reply_to': { event_id: '$e1' } } } });
    expect(reaction).toMatchObject({ type: 'm.reaction', content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$e1', key: '👍' } } });
    expect(edit).toMatchObject({ content: { 'm.relates_to': { rel_type: 'm.replace', event_id: '$e1' } } });
    expect(redaction).toEqual({ kind: 'redaction', roomId: '!r', txnId: expect.any(String), eventId: '$e1' });
    expect(transport.requests).toHaveLength(5);
  });

  it('a row whose message failed waits, and the room goes on; it goes once the message is retried and sent', async () => {
    const first = await message('refused at first');
    await enqueue({ roomId: '!r', content: {}, relatesTo: { rel: 'annotation', to: { txnId: first.txnId }, key: '🎉' } });
    await message('later');
    await db().outbox.update(first.txnId, { state: 'failed', error: 'rejected' });
    const transport = new RecordingTransport();
    const flusher = new OutboxFlusher({ transport, schedule: false });
    await flusher.flush();
    expect(transport.requests.map((r) => (r.kind === 'event' ? r.content.body ?? r.type : r.kind))).toEqual(['later']);
    await db().outbox.update(first.txnId, { state: 'queued' });
    await flusher.flush();
    expect(transport.requests.map((r) => (r.kind === 'event' ? r.content.body ?? r.type : r.kind))).toEqual(['later', 'refused at first', 'm.reaction']);
  });

  it('discarding an unsent message drops its edits, reactions and deletions; a reply to it stays, as a plain message', async () => {
    const first = await message('never mind');
    const reply = await enqueue({ roomId: '!r', content: { msgtype: 'm.text', body: 'my answer' }, relatesTo: { rel: 'reply', to: { txnId: first.txnId } } });
    const reaction = await enqueue({ roomId: '!r', content: {}, relatesTo: { rel: 'annotation', to: { txnId: first.txnId }, key: '👍' } });
    await enqueue({ roomId: '!r', content: { body: 'edit' }, relatesTo: { rel: 'replace', to: { txnId: first.txnId } } });
    await discardOutboxRow(first.txnId);
    const left = await db().outbox.toArray();
    expect(left.map((r) => r.txnId)).toEqual([reply.txnId]);
    expect(left[0].relation).toBeUndefined();
    expect(left[0].dependsOn).toBeUndefined();
    expect(await db().outbox.get(reaction.txnId)).toBeUndefined();
  });

  it('a row referring to a message already sent, or already echoed, takes its event id at once', async () => {
    const sent = await message('sent');
    await db().outbox.update(sent.txnId, { state: 'sent', eventId: '$sent' });
    const toSent = await enqueue({ roomId: '!r', content: {}, relatesTo: { rel: 'annotation', to: { txnId: sent.txnId }, key: '👍' } });
    expect(toSent.relation?.eventId).toBe('$sent');
    expect(toSent.dependsOn).toBeUndefined();

    const echoed = await message('echoed');
    await db().transaction('rw', db().outbox, db().events, async () => {
      await db().events.put({ eventId: '$echo', roomId: '!r', ts: 1, sender: '@me', senderName: 'Me', type: 'm.room.message', txnId: echoed.txnId });
      await retireEchoes(db(), [{ eventId: '$echo', txnId: echoed.txnId }]);
    });
    const toEchoed = await enqueue({ roomId: '!r', content: {}, relatesTo: { rel: 'annotation', to: { txnId: echoed.txnId }, key: '👍' } });
    expect(toEchoed.relation?.eventId).toBe('$echo');

    await expect(enqueue({ roomId: '!r', content: {}, relatesTo: { rel: 'annotation', to: { txnId: 'gone' }, key: '👍' } })).rejects.toBeInstanceOf(TargetGone);
  });

  it('the echo of a row that was sent elsewhere resolves the rows waiting for it', async () => {
    const first = await message('sent by the service worker');
    const reaction = await enqueue({ roomId: '!r', content: {}, relatesTo: { rel: 'annotation', to: { txnId: first.txnId }, key: '👍' } });
    await db().transaction('rw', db().outbox, () => retireEchoes(db(), [{ eventId: '$sw', txnId: first.txnId }]));
    expect(await db().outbox.get(reaction.txnId)).toMatchObject({ relation: { rel: 'annotation', eventId: '$sw', key: '👍' } });
    expect((await db().outbox.get(reaction.txnId))?.dependsOn).toBeUndefined();
  });
});

describe('read receipts in the outbox', () => {
  it('keeps one unsent receipt per room (the newest), sends it as a read marker, and leaves no row behind', async () => {
    await enqueueReceipt('!r', '$1');
    await enqueueReceipt('!r', '$2');
    await enqueueReceipt('!other', '$9');
    expect((await db().outbox.toArray()).map((r) => `${r.roomId} ${r.relation?.eventId}`).sort()).toEqual(['!other $9', '!r $2']);
    expect(await unsentRowCount()).toBe(0);
    const transport = new RecordingTransport();
    await new OutboxFlusher({ transport, schedule: false }).flush();
    expect(transport.requests.map((r) => r.kind === 'receipt' && `${r.roomId} ${r.eventId}`).sort()).toEqual(['!other $9', '!r $2']);
    expect(await db().outbox.count()).toBe(0);
  });
});

describe('room changes in the outbox', () => {
  it('go out in order with the room\'s messages and leave no row behind; a refused one stays, failed', async () => {
    await message('before');
    await enqueueRoomChange('!r', { op: 'name', value: 'Projet' });
    await enqueueRoomChange('!r', { op: 'invite', userId: '@anna:hs' });
    await message('after');
    const transport = new RecordingTransport();
    const refusing: Transport = {
      send: async (request) => {
        if (request.kind === 'room' && request.change.op === 'invite') throw { status: 403 };
        return transport.send(request);
      },
      describeFailure: (error) => error as { status: number },
    };
    await new OutboxFlusher({ transport: refusing, schedule: false }).flush();
    expect(transport.requests.map((r) => (r.kind === 'room' ? r.change.op : r.kind === 'event' ? r.content.body : r.kind))).toEqual(['before', 'name', 'after']);
    const left = await db().outbox.filter((r) => r.kind === 'room').toArray();
    expect(left.map((r) => [r.state, r.error])).toEqual([['failed', 'forbidden']]);
  });
});
