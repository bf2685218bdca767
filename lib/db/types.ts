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
  avatarUrl?: string;
  membership: Membership;
  isDirect: boolean;
  encrypted: boolean;
  /** Sort key: the newest message's time, or when we were invited/joined. */
  lastTs: number;
  lastSender?: string;
  lastBody?: string;
  unread: number;
  mentions: number;
  tags: string[];
  inviter?: string;
}

/** A timeline item that has reached the homeserver, as decrypted and with edits applied. */
export interface EventRow {
  eventId: string;
  roomId: string;
  ts: number;
  sender: string;
  senderName: string;
  type: string;
  msgtype?: string;
  body?: string;
  /** The (decrypted) content, with the latest edit applied. */
  content?: Record<string, unknown>;
  /** Set while an encrypted event cannot be decrypted (the reason code, or 'pending'). */
  decryptionError?: string;
  txnId?: string;
  /** The event this one replies to (m.in_reply_to). */
  inReplyTo?: string;
  /** Id of the newest edit applied to this event. */
  editedBy?: string;
  redacted?: boolean;
}

/** One reaction (m.annotation) by one user. */
export interface ReactionRow {
  eventId: string;
  roomId: string;
  targetId: string;
  key: string;
  sender: string;
}

export interface MemberRow {
  roomId: string;
  userId: string;
  displayName: string;
  avatarUrl?: string;
  membership: string;
}

/** The newest event a user has read in a room. */
export interface ReceiptRow {
  roomId: string;
  userId: string;
  eventId: string;
  ts: number;
}

export interface ThumbnailRow {
  mxc: string;
  blob: Blob;
  storedAt: number;
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

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** Small shared values, keyed by name (connection state, settings). */
export type KvRow =
  | { key: 'connection'; state: ConnectionState; at: number }
  | { key: 'settings'; maxEventsPerRoom: number };
