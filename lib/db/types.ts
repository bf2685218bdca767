/** The signed-in account. One row, id 'current'. */
export interface SessionRow {
  id: 'current';
  homeserverUrl: string;
  userId: string;
  deviceId: string;
  accessToken: string;
}

export type Membership = 'join' | 'invite' | 'leave';

/** A room as the room list shows it, projected from the homeserver by the sync layer. */
export interface RoomRow {
  roomId: string;
  name: string;
  membership: Membership;
  isDirect: boolean;
  encrypted: boolean;
  /** Sort key: the newest message's time, or when we were invited/joined. */
  lastTs: number;
  lastSender?: string;
  lastBody?: string;
  unread: number;
  inviter?: string;
}

/** A timeline item that has reached the homeserver. */
export interface EventRow {
  eventId: string;
  roomId: string;
  ts: number;
  sender: string;
  senderName: string;
  type: string;
  msgtype?: string;
  body?: string;
  /** Set while an encrypted event cannot be decrypted (the reason code). */
  decryptionError?: string;
  txnId?: string;
}

export type OutboxState = 'queued' | 'sending' | 'failed';

/** An outgoing action waiting for the homeserver; its txnId is fixed at creation. */
export interface OutboxRow {
  txnId: string;
  roomId: string;
  createdAt: number;
  type: string;
  content: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  /** Why a failed row failed: a catalogue key under `outbox.errors`. */
  error?: string;
}
