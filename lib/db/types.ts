/** The signed-in account. One row, id 'current'. */
export interface SessionRow {
  id: 'current';
  homeserverUrl: string;
  userId: string;
  deviceId: string;
  accessToken: string;
  /** Where the homeserver issues refresh tokens: the one for the next access token (single use). */
  refreshToken?: string;
  /** When the access token expires (ms since the epoch), where it does. */
  accessTokenExpiresAt?: number;
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
  /** The event the preview shows, so an edit or a deletion of it updates the preview. */
  lastEventId?: string;
  unread: number;
  mentions: number;
  tags: string[];
  inviter?: string;
  /** The user's power level here, and the levels each action needs (m.room.power_levels). */
  myPowerLevel?: number;
  levels?: PowerNeeded;
  topic?: string;
  /** Who is typing here now (names, not the user). */
  typing?: string[];
  /** Created on this device and waiting for the homeserver (its id is a placeholder). */
  creating?: boolean;
  /** A placeholder whose room now exists under this id: whoever has it open goes there. */
  movedTo?: string;
  /** The room's notification setting (from the account's push rules); absent: default. */
  notify?: NotifyMode;
}

/**
 * What a sync answer says about a stored room without the SDK's full summary of it: its newest
 * shown message (if it brought one) and the homeserver's unread counts (if they apply).
 */
export type RoomPreview = Pick<RoomRow, 'roomId'> &
  Partial<Pick<RoomRow, 'lastTs' | 'lastSender' | 'lastBody' | 'lastEventId' | 'unread' | 'mentions'>>;

/** The power level each room action needs. */
export interface PowerNeeded {
  redact: number;
  invite: number;
  kick: number;
  name: number;
  topic: number;
  /** m.room.avatar's level (optional: rooms stored before it was projected lack it). */
  avatar?: number;
  /** m.room.power_levels' own level: who may change roles. */
  power?: number;
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
  /** Server time of that edit: an older edit arriving later does not replace it. */
  editedAt?: number;
  redacted?: boolean;
  /** It mentions the user, by the account's push rules (shown highlighted). */
  highlight?: boolean;
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
  powerLevel?: number;
}

/** Whether we have verified a user (cross-signing), as the crypto reports it. */
export interface UserTrustRow {
  userId: string;
  verified: boolean;
}

/** The newest event a user has read in a room. */
export interface ReceiptRow {
  roomId: string;
  userId: string;
  eventId: string;
  ts: number;
}

/**
 * History the homeserver has and this device does not: the events just older than `ts`
 * (down to the previous stored event) are missing. `token` paginates backwards into them;
 * without one it is resolved from the event after the gap.
 */
export interface GapRow {
  id?: number;
  roomId: string;
  /** Server time of the oldest stored event after the gap: the gap sits just before it. */
  ts: number;
  /** That event's id. */
  beforeEventId: string;
  token?: string;
}

/** An edit whose original is not stored (yet): applied when the original arrives. */
export interface EditRow {
  editId: string;
  roomId: string;
  targetId: string;
  sender: string;
  ts: number;
  content: Record<string, unknown>;
}

/** A file (or full-size picture) the user downloaded, kept so it opens offline. */
export interface SavedFileRow {
  /** The content URI it was downloaded from. */
  key: string;
  blob: Blob;
  savedAt: number;
}

/** Files and text another app shared into Luxchat (the share target), waiting for a room. */
export interface SharedRow {
  id?: number;
  at: number;
  files: { blob: Blob; name: string; type: string }[];
  text?: string;
}

export interface ThumbnailRow {
  mxc: string;
  blob: Blob;
  storedAt: number;
}

/**
 * queued → sending → sent (the homeserver has it; the row stays until the sync brings the event)
 * | queued (transient failure, retried later) | failed (refused: the user retries or discards)
 * | needs-confirmation (outcome unknown for too long: see lib/outbox/stateMachine.ts).
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'needs-confirmation';

/**
 * What a row asks the homeserver for: `event` sends an event (a message, an edit, a reaction),
 * `redaction` deletes one, `receipt` marks a room read up to an event (read receipt and read
 * marker; one per room is kept, the newest), `room` changes the room (`RoomChange`), `profile`
 * changes the user's profile (`ProfileChange`; its roomId is `PROFILE_ROOM`), `create` creates
 * a room (`RoomCreation`), `joinAddress` joins one by its address (`RoomJoin`); for these two
 * the roomId is a placeholder until the homeserver gives the room's (see `placeholderRoomId`).
 */
export type OutboxKind = 'event' | 'redaction' | 'receipt' | 'room' | 'profile' | 'create' | 'joinAddress';

/** A change to a room, queued like a message (the content of a `room` row). */
export type RoomChange =
  | { op: 'invite'; userId: string }
  | { op: 'kick'; userId: string }
  | { op: 'leave' }
  | { op: 'name'; value: string }
  | { op: 'topic'; value: string }
  /** The room's picture: the row's first upload, or none (removed). */
  | { op: 'avatar'; info?: ImageInfo }
  | { op: 'power'; userId: string; level: number }
  /** Accepting an invitation. */
  | { op: 'join' }
  /** When the room notifies, written as the account's push rules (other clients agree). */
  | { op: 'notify'; mode: NotifyMode };

/**
 * When a room notifies: `default` follows the account's rules (here: direct chats and
 * mentions); `all` every message; `mentions` only mentions; `mute` never.
 */
export type NotifyMode = 'default' | 'all' | 'mentions' | 'mute';

/** A change to the user's profile, everywhere (the content of a `profile` row). */
export type ProfileChange =
  | { field: 'displayname'; value: string }
  /** The row's first upload, or none (removed). */
  | { field: 'avatar_url'; info?: ImageInfo };

/** A room to create: encrypted, private, inviting these users (a direct chat has one). */
export interface RoomCreation {
  name?: string;
  invite: string[];
  direct: boolean;
}

/** A room to join by its alias or id (from an address or a matrix.to link, with its servers). */
export interface RoomJoin {
  address: string;
  via: string[];
}

/** Rows that bring a room the user is not in yet: its id is known from the homeserver's answer. */
export function opensRoom(row: Pick<OutboxRow, 'kind'>): boolean {
  return row.kind === 'create' || row.kind === 'joinAddress';
}

/**
 * A room created (or joined by address) on this device has this id until the homeserver gives it one: what the user
 * writes there meanwhile waits for the creation. Real room ids start with "!", never "~".
 */
export function placeholderRoomId(txnId: string): string {
  return `~${txnId}`;
}

export function isPlaceholderRoomId(roomId: string): boolean {
  return roomId.startsWith('~');
}

/** The txnId of the row creating a placeholder's room. */
export function creationTxnId(placeholder: string): string {
  return placeholder.slice(1);
}

/** Profile rows belong to no room; they are grouped under this id, which no room has. */
export const PROFILE_ROOM = '';

/** What the Matrix spec's `info` of an image says. */
export interface ImageInfo {
  mimetype: string;
  size: number;
  w: number;
  h: number;
}

/** Bytes a row sends before its request (a picture, a file); `mxc` once the homeserver has them. */
export interface OutboxUpload {
  blob: Blob;
  contentType: string;
  name?: string;
  mxc?: string;
}

/**
 * How a row refers to another message: to the other row while that one is unsent (the row's
 * `dependsOn`), then to its event id. The content sent is built from it at send time.
 */
export interface OutboxRelation {
  rel: 'reply' | 'replace' | 'annotation' | 'redact' | 'read';
  /** The message's event id, once the homeserver gave it one. */
  eventId?: string;
  /** The emoji of a reaction. */
  key?: string;
}

/** A message as another row refers to it: by event id once sent, by its outbox row before. */
export type MessageRef = { eventId: string } | { txnId: string };

/** An outgoing intent waiting for the homeserver; its txnId is fixed at creation. */
export interface OutboxRow {
  txnId: string;
  roomId: string;
  createdAt: number;
  /** Rows written before kinds existed are events. */
  kind?: OutboxKind;
  /** The event type (for `event` rows). */
  type: string;
  /** For a message, its content; for an edit, the new content; for a redaction, `{ reason? }`. */
  content: Record<string, unknown>;
  relation?: OutboxRelation;
  /** Uploaded first, in order; the request then refers to their mxc:// URIs. */
  uploads?: OutboxUpload[];
  /** The txnId of the unsent row this one refers to; cleared when that row is sent. */
  dependsOn?: string;
  state: OutboxState;
  /** The homeserver's id for the event, once sent. */
  eventId?: string;
  attempts: number;
  nextAttemptAt: number;
  /** Why a failed row failed: a catalogue key under `outbox.errors`. */
  error?: string;
  /** When the first attempt started: the homeserver's memory of the txnId starts no earlier. */
  firstAttemptAt?: number;
  /** An attempt may have reached the homeserver without us hearing back. */
  outcomeUnknown?: boolean;
  /** The user chose to send a needs-confirmation row anyway. */
  confirmed?: boolean;
}

/** `failed`: the sync could not start (shown with a retry). */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'failed';

/** `auto` follows the browser's Save-Data and 2g connection hints. */
export type DataSaverSetting = 'auto' | 'on' | 'off';

/** Why the session stopped: the homeserver no longer accepts the token (`soft`: sign in again, data kept). */
export interface SessionEndedRow {
  key: 'sessionEnded';
  soft: boolean;
  at: number;
}

/**
 * Where this device stands with end-to-end encryption: `needs-setup` (the account has no
 * cross-signing yet), `needs-verification` (it has, this device is not verified), `ready`.
 */
export type EncryptionState = 'checking' | 'needs-setup' | 'needs-verification' | 'ready';

export interface CryptoStatusRow {
  key: 'crypto';
  state: EncryptionState;
  /** Whether the user confirmed having saved the recovery key (else logout warns). */
  recoveryKeySaved: boolean;
  /** A new recovery key waits to be shown and saved (the key itself is never stored). */
  recoveryKeyPending?: boolean;
  /** Where earlier versions kept that key: moved to memory and deleted at the next start. */
  pendingRecoveryKey?: string;
  /** The server-side key backup this device uploads to, if any. */
  backupVersion?: string | null;
  /** The user answered "later" to verifying this device: a banner reminds them, not the dialog. */
  verificationPostponed?: boolean;
}

/** The emoji verification in progress, as every tab's dialog shows it (the syncing tab runs it). */
export type VerificationView =
  | { phase: 'none' }
  | { phase: 'incoming'; deviceId: string }
  | { phase: 'waiting' }
  | { phase: 'emoji'; emoji: [string, string][]; answered: boolean }
  | { phase: 'done' }
  | { phase: 'cancelled' };

/** Small shared values, keyed by name (connection state, settings, encryption status). */
/**
 * Where the SDK's saved sync stopped (the `since` it saved, and the sync filter it used): a
 * reopened app asks for what changed from there before the SDK has loaded.
 */
export interface ResumePointRow {
  key: 'resumePoint';
  since: string;
  filterId: string;
}

/** What the service worker needs to notify with every tab closed (the page's language). */
export interface NotificationTextRow {
  key: 'notificationText';
  lang: string;
  /** The app's page in that language, which a click opens. */
  path: string;
  text: { newMessage: string; photo: string; file: string; voice: string; video: string };
}

/** The newest message the service worker has notified of, per room (its periodic check). */
export interface NotifiedRow {
  key: 'notified';
  rooms: Record<string, string>;
}

export type KvRow =
  | ResumePointRow
  | NotificationTextRow
  | NotifiedRow
  | { key: 'connection'; state: ConnectionState; at: number; dataSaver?: boolean }
  | { key: 'settings'; maxEventsPerRoom: number; dataSaver?: DataSaverSetting; notifications?: boolean; lockSuggestionDismissed?: boolean }
  | { key: 'verification'; view: VerificationView }
  | SessionEndedRow
  | CryptoStatusRow
  | AppLockRow;

import type { PasskeyUnlock } from '../lock/passkey';

/** The app lock (lib/lock): the wrapped data key, and the lock's settings and wrong tries. */
export interface AppLockRow {
  key: 'appLock';
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  wrapped: Uint8Array;
  /** Wrong PINs in a row; the device's data is wiped when it reaches `maxAttempts`. */
  failed: number;
  maxAttempts: number;
  /** Locks after this long without the user touching the app. */
  idleMinutes: number;
  /** Unlocking with the device's authenticator too (lib/lock/passkey.ts), where it was set up. */
  passkey?: PasskeyUnlock;
  /** Every row written before the lock was turned on has been sealed (unset: turning on was cut short). */
  sealedAll?: boolean;
}
