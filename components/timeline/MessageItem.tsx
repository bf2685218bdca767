'use client';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { pendingRef, type PendingMessage, type ReactionSummary, type ShownEvent } from '@/lib/db/localEcho';
import type { MessageRef, OutboxRow } from '@/lib/db/types';
import { formatClock } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { Avatar } from '../ui/Avatar';
import { IntentProblems } from './IntentProblems';
import { MessageActions } from './MessageActions';
import { MessageBody } from './MessageBody';
import { Reactions } from './Reactions';
import { ReadReceipts } from './ReadReceipts';
import { ReplyQuote } from './ReplyQuote';
import { RowChoices } from './RowChoices';
import { UploadStatus } from './UploadStatus';

/** What a message item needs from the timeline around it. */
export interface MessageContext {
  /** The message a reply answers, if the timeline has it loaded. */
  quoted: { domKey: string; senderName: string; body?: string } | null | undefined;
  reactions?: ReactionSummary[];
  /** Others who have read up to this message. */
  readBy?: { userId: string; name: string }[];
  /** The user's edits, reactions and deletions of it that the homeserver refused. */
  problems?: OutboxRow[];
  canDelete: boolean;
  onReply(to: MessageRef, senderName: string, body: string): void;
  onEdit(message: MessageRef, body: string): void;
  onDelete(message: MessageRef): void;
  onReact(message: MessageRef, key: string, mine?: MessageRef): void;
}

/** The catalogue key explaining why a message cannot be read yet (the SDK's failure codes). */
function decryptionMessage(code: string) {
  if (code === 'HISTORICAL_MESSAGE_USER_NOT_JOINED') return 'undecryptableNotJoined' as const;
  if (code.startsWith('HISTORICAL_MESSAGE')) return 'undecryptableHistorical' as const;
  if (code === 'MEGOLM_UNKNOWN_INBOUND_SESSION_ID' || code === 'OLM_UNKNOWN_MESSAGE_INDEX') return 'undecryptableWaiting' as const;
  return 'undecryptable' as const;
}

function Bubble({ mine, children, faded, highlight }: { mine: boolean; children: ReactNode; faded?: boolean; highlight?: boolean }) {
  const colour = highlight ? 'bg-highlight ring-2 ring-highlight-line' : mine ? 'bg-bubble-mine' : 'bg-bubble';
  return (
    <div
      className={`max-w-[80%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 ${colour} ${faded ? 'opacity-80' : ''}`}
      data-testid="message-body"
    >
      {children}
    </div>
  );
}

/** A message that reached the homeserver, with what the user queued for it applied. */
export function EventItem({
  event,
  mine,
  grouped,
  avatar,
  context,
}: {
  event: ShownEvent;
  mine: boolean;
  grouped?: boolean;
  /** The sender's picture (mxc://), if they have one. */
  avatar?: string;
  context: MessageContext;
}) {
  const t = useTranslations('timeline');
  const tMessage = useTranslations('message');
  const locale = useLocale() as Locale;
  const ref: MessageRef = { eventId: event.eventId };
  const readable = !event.redacted && !event.deleting && !event.decryptionError && event.body !== undefined;
  let body: ReactNode = event.body === undefined ? undefined : <MessageBody body={event.body} content={event.content} />;
  if (event.redacted) body = <em className="text-ink-muted">{t('deleted')}</em>;
  else if (event.deleting) body = <em className="text-ink-muted">{tMessage('deleting')}</em>;
  else if (event.decryptionError === 'pending') body = <em className="text-ink-muted">{t('decrypting')}</em>;
  else if (event.decryptionError) body = <em className="text-ink-muted">{t(decryptionMessage(event.decryptionError))}</em>;
  else if (event.body === undefined) body = <em className="text-ink-muted">{t('unsupported')}</em>;
  return (
    <li
      className={`group flex flex-col ${mine ? 'items-end' : 'items-start'}`}
      data-testid="message"
      data-event-id={event.eventId}
      data-message-key={event.eventId}
      data-grouped={grouped ? '' : undefined}
      data-highlight={event.highlight ? '' : undefined}
      tabIndex={-1}
    >
      <span className={grouped ? 'sr-only' : 'flex items-center gap-1.5 text-xs text-ink-muted'}>
        {!grouped && !mine && <Avatar mxc={avatar} name={event.senderName} id={event.sender} size={24} />}
        <span data-testid="message-sender">{event.senderName}</span>
        {' · '}
        <time dateTime={new Date(event.ts).toISOString()}>{formatClock(event.ts, locale)}</time>
      </span>
      <Bubble mine={mine} highlight={event.highlight}>
        {event.inReplyTo && !event.redacted && context.quoted !== undefined && <ReplyQuote original={context.quoted} />}
        <span data-testid="message-text">{body}</span>
        {(event.editedBy || event.localEdit) && readable && (
          <span className="ml-1 text-xs text-ink-muted" data-testid="edited">
            {t('edited')}
          </span>
        )}
      </Bubble>
      {!event.redacted && !event.deleting && (
        <Reactions reactions={context.reactions} onToggle={(r) => context.onReact(ref, r.key, r.mine)} />
      )}
      <IntentProblems rows={context.problems} />
      <ReadReceipts readers={context.readBy} />
      {readable && (
        <MessageActions
          canEdit={mine && event.msgtype === 'm.text'}
          canDelete={mine || context.canDelete}
          onReply={() => context.onReply(ref, event.senderName, event.body ?? '')}
          onEdit={() => context.onEdit(ref, event.body ?? '')}
          onDelete={() => context.onDelete(ref)}
          onReact={(key) => context.onReact(ref, key, context.reactions?.find((r) => r.key === key)?.mine)}
        />
      )}
    </li>
  );
}

/** A message of the user's still in the outbox, or sent and waiting for the sync to bring it. */
export function PendingItem({ row, context, myName }: { row: PendingMessage; context: MessageContext; myName: string }) {
  const t = useTranslations('timeline');
  const tMessage = useTranslations('message');
  const tErrors = useTranslations('outbox.errors');
  const body = typeof row.content.body === 'string' ? row.content.body : '';
  const ref = pendingRef(row);
  const status =
    row.state === 'sent'
      ? tMessage('sent')
      : row.state === 'failed'
        ? `${t('failed')}${row.error ? ` · ${tErrors(row.error as 'rejected')}` : ''}`
        : row.state === 'needs-confirmation'
          ? t('needsConfirmation')
          : row.attempts > 0
            ? t('waiting')
            : t('sending');
  return (
    <li className="group flex flex-col items-end" data-testid="message" data-pending={row.state} data-message-key={row.txnId} tabIndex={-1}>
      <Bubble mine faded={row.state !== 'sent'}>
        {row.relation?.rel === 'reply' && context.quoted !== undefined && <ReplyQuote original={context.quoted} />}
        <span data-testid="message-text">
          {row.deleting ? <em className="text-ink-muted">{tMessage('deleting')}</em> : <MessageBody body={body} content={row.content} />}
        </span>
        {row.localEdit && (
          <span className="ml-1 text-xs text-ink-muted" data-testid="edited">
            {t('edited')}
          </span>
        )}
      </Bubble>
      <Reactions reactions={context.reactions} onToggle={(r) => context.onReact(ref, r.key, r.mine)} />
      <IntentProblems rows={context.problems} />
      {row.state !== 'failed' && row.state !== 'needs-confirmation' && <UploadStatus row={row} />}
      <span className="text-xs text-ink-muted" data-testid="message-status">
        {status}
        {(row.state === 'failed' || row.state === 'needs-confirmation') && (
          <>
            {' '}
            <RowChoices row={row} />
          </>
        )}
      </span>
      {row.state !== 'failed' && row.state !== 'needs-confirmation' && (
        <MessageActions
          canEdit
          canDelete
          onReply={() => context.onReply(ref, myName, body)}
          onEdit={() => context.onEdit(ref, body)}
          onDelete={() => context.onDelete(ref)}
          onReact={(key) => context.onReact(ref, key, context.reactions?.find((r) => r.key === key)?.mine)}
        />
      )}
    </li>
  );
}
