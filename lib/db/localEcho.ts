import { opensRoom, type EventRow, type MessageRef, type OutboxRow, type ReactionRow } from './types';

export interface ReactionSummary {
  key: string;
  count: number;
  senders: string[];
  /** The user's own reaction with this key, to take it back. */
  mine?: MessageRef;
}

/** A stored event as the timeline shows it, with what the user has queued for it. */
export type ShownEvent = EventRow & {
  /** An edit of it is queued: the text shown is the new one. */
  localEdit?: boolean;
  /** Its deletion is queued. */
  deleting?: boolean;
};

/** A message still in the outbox (or sent, until its echo), as the timeline shows it. */
export type PendingMessage = OutboxRow & { localEdit?: boolean; deleting?: boolean };

export interface LocalEcho {
  events: ShownEvent[];
  pending: PendingMessage[];
  /** By event id, or by txnId for messages not sent yet. */
  reactions: Record<string, ReactionSummary[]>;
  /** Edits, reactions and deletions the homeserver refused (or held for confirmation), by the message they are for. */
  problems: Record<string, OutboxRow[]>;
  /** Changes to the room not done yet (waiting, or refused). */
  roomChanges: OutboxRow[];
}

/** The key a message in the outbox is known by in `reactions`: its event id once it has one. */
export function pendingKey(row: OutboxRow): string {
  return row.eventId ?? row.txnId;
}

/** How other rows refer to a message in the outbox. */
export function pendingRef(row: OutboxRow): MessageRef {
  return row.eventId ? { eventId: row.eventId } : { txnId: row.txnId };
}

/** What a row refers to, as a timeline key. */
function targetOf(row: OutboxRow): string | undefined {
  return row.relation?.eventId ?? row.dependsOn;
}

/**
 * The timeline with the user's queued intents applied: an edit shows its new text at once, a
 * deletion hides the message, a reaction counts, a reaction taken back stops counting. Only
 * messages (and replies) are items of their own; the rest changes items.
 */
export function withLocalEcho(events: EventRow[], reactionRows: ReactionRow[], outbox: OutboxRow[], me?: string): LocalEcho {
  const byCreation = [...outbox].sort((a, b) => a.createdAt - b.createdAt);
  const deleting = new Set<string>();
  const edits = new Map<string, Record<string, unknown>>();
  const annotations: OutboxRow[] = [];
  const messages: OutboxRow[] = [];
  const problems: Record<string, OutboxRow[]> = {};
  const roomChanges: OutboxRow[] = [];
  for (const row of byCreation) {
    const target = targetOf(row);
    if (row.kind === 'receipt') continue;
    if (row.kind === 'room' || opensRoom(row)) {
      roomChanges.push(row);
      continue;
    }
    // Refused: not shown as if it had happened, but beside its message, to retry or discard.
    if (row.relation && row.relation.rel !== 'reply' && (row.state === 'failed' || row.state === 'needs-confirmation')) {
      if (target) (problems[target] ??= []).push(row);
      continue;
    }
    if (row.kind === 'redaction') {
      if (target) deleting.add(target);
    } else if (row.relation?.rel === 'replace') {
      if (target) edits.set(target, row.content); // the newest queued edit wins
    } else if (row.relation?.rel === 'annotation') annotations.push(row);
    else messages.push(row);
  }

  const edited = <T extends { body?: string; content?: Record<string, unknown>; msgtype?: string }>(item: T, key: string): T & { localEdit?: boolean } => {
    const next = edits.get(key);
    if (!next) return item;
    return { ...item, content: next, body: typeof next.body === 'string' ? next.body : undefined, msgtype: typeof next.msgtype === 'string' ? next.msgtype : item.msgtype, localEdit: true };
  };
  const shown: ShownEvent[] = events.map((event) => {
    if (deleting.has(event.eventId) && !event.redacted) return { ...event, deleting: true };
    return edited(event, event.eventId);
  });
  const pending: PendingMessage[] = messages.map((row) => {
    if (deleting.has(row.txnId) || (row.eventId && deleting.has(row.eventId))) return { ...row, deleting: true };
    const next = edits.get(pendingKey(row)) ?? edits.get(row.txnId);
    return next ? { ...row, content: next, localEdit: true } : row;
  });

  const reactions: Record<string, ReactionSummary[]> = {};
  const add = (target: string, key: string, sender: string, ref: MessageRef) => {
    const list = (reactions[target] ??= []);
    let entry = list.find((x) => x.key === key);
    if (!entry) list.push((entry = { key, count: 0, senders: [] }));
    if (entry.senders.includes(sender)) return;
    entry.senders.push(sender);
    entry.count = entry.senders.length;
    if (sender === me) entry.mine = ref;
  };
  for (const r of reactionRows) if (!deleting.has(r.eventId)) add(r.targetId, r.key, r.sender, { eventId: r.eventId });
  for (const row of annotations) {
    // A reaction taken back while it was being sent.
    if (deleting.has(row.txnId) || (row.eventId && deleting.has(row.eventId))) continue;
    const target = targetOf(row);
    if (target && me) add(target, row.relation?.key ?? '', me, pendingRef(row));
  }
  return { events: shown, pending, reactions, problems, roomChanges };
}
