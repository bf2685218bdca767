import { openFile } from '../lock/sealing';
import type { MatrixClient } from 'matrix-js-sdk';
import type { Transport } from '../outbox/flush';
import type { OutgoingRequest } from '../outbox/request';
import { NOW_ENCRYPTED } from '../outbox/retryPolicy';
import { describeSdkError } from './errors';
import { applyProfileChange, applyRoomChange, createRoomOnce, joinByAddress } from './rooms';

/** A message's file prepared in the clear, for a room that has become encrypted since. */
class NowEncrypted extends Error {
  constructor() {
    super('room now encrypted');
    this.name = 'NowEncrypted';
  }
}

class RoomNotReady extends Error {
  constructor(what: string) {
    super(`room not ready: ${what}`);
    this.name = 'RoomNotReady';
  }
}

/**
 * Sends outbox rows through matrix-js-sdk, which encrypts for encrypted rooms. The row's
 * txnId goes with every attempt, so the homeserver deduplicates retries.
 */
export function sdkTransport(client: MatrixClient): Transport {
  return {
    async send(request: OutgoingRequest, onProgress?: (loadedBytes: number) => void): Promise<string> {
      if (request.kind === 'upload') {
        const { blob, contentType, name } = request;
        // A message's file prepared in the clear for a room that is encrypted by now stays here.
        if (request.inMessage && !request.encrypted && client.getRoom(request.roomId)?.hasEncryptionStateEvent()) throw new NowEncrypted();
        const progressHandler = onProgress ? ({ loaded }: { loaded: number }) => onProgress(loaded) : undefined;
        const file = await openFile(blob, contentType);
        return (await client.uploadContent(file, { type: contentType, name, includeFilename: name !== undefined, progressHandler })).content_uri;
      }
      if (request.kind === 'room') {
        await applyRoomChange(client, request.roomId, request.change);
        return '';
      }
      if (request.kind === 'create') return createRoomOnce(client, request.txnId, request.creation);
      // Joining again is harmless: no marker needed.
      if (request.kind === 'joinAddress') return joinByAddress(client, request.join.address, request.join.via);
      if (request.kind === 'profile') {
        await applyProfileChange(client, request.change);
        return '';
      }
      if (request.kind === 'receipt') {
        // Read receipt and read marker together; nothing to encrypt, no echo.
        await client.setRoomReadMarkersHttpRequest(request.roomId, request.eventId, request.eventId);
        return '';
      }
      const room = client.getRoom(request.roomId);
      // Without the room's state the SDK cannot know the room is encrypted and would send
      // plaintext: wait for the sync to bring the room.
      if (!room) throw new RoomNotReady(request.roomId);
      const earlier = room.getEventForTxnId(request.txnId);
      if (earlier) {
        const id = earlier.getId();
        if (id && !id.startsWith('~')) return id; // an earlier attempt did go through
        if (earlier.status === 'not_sent') return (await client.resendEvent(earlier, room)).event_id;
        throw new RoomNotReady(request.txnId); // still in flight in the SDK: look again later
      }
      if (request.kind === 'redaction') {
        const opts = request.reason ? { reason: request.reason } : undefined;
        return (await client.redactEvent(request.roomId, request.eventId, request.txnId, opts)).event_id;
      }
      // The outbox stores any event type; the SDK types content per type, which a queue cannot know.
      const send = client.sendEvent.bind(client) as (
        roomId: string,
        type: string,
        content: Record<string, unknown>,
        txnId: string,
      ) => Promise<{ event_id: string }>;
      return (await send(request.roomId, request.type, request.content, request.txnId)).event_id;
    },
    describeFailure: (error) =>
      error instanceof RoomNotReady ? { roomNotReady: true } : error instanceof NowEncrypted ? { status: 400, errcode: NOW_ENCRYPTED } : describeSdkError(error),
  };
}
