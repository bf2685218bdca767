'use client';
import { useLocale, useTranslations } from 'next-intl';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { confirmMessage, discardMessage, retryMessage } from '@/lib/actions/outbox';
import { fillGap, loadOlderMessages } from '@/lib/actions/rooms';
import type { ReactionSummary } from '@/lib/db/queries';
import type { EventRow, GapRow, OutboxRow, SessionRow } from '@/lib/db/types';
import { markOnce } from '@/lib/perfMarks';
import { formatMessageTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { useConnection, useTimeline } from './hooks';

export function Timeline({ roomId, session }: { roomId: string; session: SessionRow }) {
  const t = useTranslations('timeline');
  const [limit, setLimit] = useState(PAGE);
  const [startReached, setStartReached] = useState(false);
  const timeline = useTimeline(roomId, limit);
  const list = useRef<HTMLOListElement>(null);
  const end = useRef<HTMLDivElement>(null);
  // Whether the user is at the newest message: new ones scroll into view only then.
  const atBottom = useRef(true);
  const [unseen, setUnseen] = useState(false);
  const count = (timeline?.events.length ?? 0) + (timeline?.pending.length ?? 0);
  const newest = timeline?.events.at(-1)?.eventId;
  const pendingCount = timeline?.pending.length ?? 0;
  useEffect(() => {
    if (newest) markOnce('luxchat:timeline-painted');
  }, [newest]);

  function loadOlder() {
    setLimit((n) => n + PAGE);
    // What Dexie lacks comes from the homeserver; failures (offline) leave what is shown.
    loadOlderMessages(roomId, PAGE).then(
      (more) => setStartReached(!more),
      () => undefined,
    );
  }
  function scrollToEnd() {
    // A block body on purpose: Chromium's scrollIntoView returns a promise.
    end.current?.scrollIntoView({ block: 'end' });
    atBottom.current = true;
    setUnseen(false);
  }
  function onScroll() {
    const el = list.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (atBottom.current) setUnseen(false);
  }
  // A new message: follow it when reading the newest, else offer to jump (reading history stays put).
  useEffect(() => {
    if (!newest) return;
    if (atBottom.current) scrollToEnd();
    else setUnseen(true);
  }, [newest]);
  // What the user sends is always shown.
  useEffect(() => {
    if (pendingCount > 0) scrollToEnd();
  }, [pendingCount]);

  if (!timeline) return <div className="flex-1" />;
  const gapsBefore = new Map<string, GapRow[]>();
  for (const gap of timeline.gaps) {
    const next = timeline.events.find((e) => e.ts >= gap.ts);
    if (next) gapsBefore.set(next.eventId, [...(gapsBefore.get(next.eventId) ?? []), gap]);
  }
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <ol
        ref={list}
        onScroll={onScroll}
        className="flex flex-1 flex-col gap-2 overflow-y-auto p-3"
        data-testid="timeline"
        aria-live="polite"
      >
        {count === 0 && <li className="m-auto text-slate-500">{t('empty')}</li>}
        {timeline.events.length > 0 && (timeline.events.length >= limit || !startReached) && (
          <li className="self-center">
            <button className="text-sm text-sky-700 underline" onClick={loadOlder}>
              {t('loadOlder')}
            </button>
          </li>
        )}
        {timeline.events.map((event) => (
          <Fragment key={event.eventId}>
            {gapsBefore.get(event.eventId)?.map((gap) => <GapMarker key={gap.id} gap={gap} />)}
            <EventItem
              event={event}
              mine={event.sender === session.userId}
              reactions={timeline.reactions[event.eventId]}
              me={session.userId}
            />
          </Fragment>
        ))}
        {timeline.pending.map((row) => (
          <PendingItem key={row.txnId} row={row} />
        ))}
        <div ref={end} />
      </ol>
      {unseen && (
        <button
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-sky-700 px-4 py-1 text-sm text-white shadow"
          data-testid="new-messages"
          onClick={scrollToEnd}
        >
          {t('newMessages')}
        </button>
      )}
    </div>
  );
}

/**
 * History the device does not have between two messages. Filled when scrolled into view while
 * online (and again when the connection comes back); offline it stays, saying so.
 */
function GapMarker({ gap }: { gap: GapRow }) {
  const t = useTranslations('timeline');
  const connection = useConnection();
  const online = connection?.state === 'online';
  const ref = useRef<HTMLLIElement>(null);
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failedAt, setFailedAt] = useState<string | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Where the gap is now: it moves older as pages arrive.
  const key = `${gap.id}:${gap.token ?? ''}`;
  const fill = useCallback(() => {
    setBusy(true);
    fillGap(gap.id!).then(
      () => setBusy(false),
      () => {
        setBusy(false);
        setFailedAt(key);
      },
    );
  }, [gap.id, key]);

  // One automatic try per position of the gap and per return online; the button retries by hand.
  // Not on `busy` turning false: the moved gap arrives a moment later, and its new key tries again.
  useEffect(() => {
    if (visible && online && !busy && failedAt !== key) fill();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, online, failedAt, key, fill]);
  // Offline forgets the failure, so coming back online tries again.
  useEffect(() => {
    if (!online) setFailedAt(null);
  }, [online]);

  return (
    <li ref={ref} className="flex items-center gap-2 self-stretch text-sm text-slate-600" data-testid="gap" data-gap-id={gap.id}>
      <span className="h-px flex-1 bg-slate-300" aria-hidden />
      <span>{busy ? t('gapLoading') : t('gap')}</span>
      {!busy && (
        <button className="text-sky-700 underline" onClick={fill}>
          {t('gapLoad')}
        </button>
      )}
      <span className="h-px flex-1 bg-slate-300" aria-hidden />
    </li>
  );
}

const PAGE = 50;

/** The catalogue key explaining why a message cannot be read yet (the SDK's failure codes). */
function decryptionMessage(code: string) {
  if (code === 'HISTORICAL_MESSAGE_USER_NOT_JOINED') return 'undecryptableNotJoined' as const;
  if (code.startsWith('HISTORICAL_MESSAGE')) return 'undecryptableHistorical' as const;
  if (code === 'MEGOLM_UNKNOWN_INBOUND_SESSION_ID' || code === 'OLM_UNKNOWN_MESSAGE_INDEX') return 'undecryptableWaiting' as const;
  return 'undecryptable' as const;
}

function EventItem({
  event,
  mine,
  reactions,
  me,
}: {
  event: EventRow;
  mine: boolean;
  reactions?: ReactionSummary[];
  me: string;
}) {
  const t = useTranslations('timeline');
  const locale = useLocale() as Locale;
  let body: React.ReactNode = event.body;
  if (event.redacted) body = <em className="text-slate-500">{t('deleted')}</em>;
  else if (event.decryptionError === 'pending') body = <em className="text-slate-500">{t('decrypting')}</em>;
  else if (event.decryptionError) body = <em className="text-slate-500">{t(decryptionMessage(event.decryptionError))}</em>;
  else if (event.body === undefined) body = <em className="text-slate-500">{t('unsupported')}</em>;
  return (
    <li className={`flex flex-col ${mine ? 'items-end' : 'items-start'}`} data-testid="message" data-event-id={event.eventId}>
      <span className="text-xs text-slate-500">
        <span data-testid="message-sender">{event.senderName}</span>
        {' · '}
        <time dateTime={new Date(event.ts).toISOString()}>{formatMessageTime(event.ts, locale)}</time>
      </span>
      <p
        className={`max-w-[80%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 ${mine ? 'bg-sky-100' : 'bg-slate-100'}`}
        data-testid="message-body"
      >
        {body}
        {event.editedBy && !event.redacted && <span className="ml-1 text-xs text-slate-500">{t('edited')}</span>}
      </p>
      {reactions && reactions.length > 0 && (
        <ul className="mt-1 flex gap-1" data-testid="reactions">
          {reactions.map((r) => (
            <li
              key={r.key}
              className={`rounded-full border px-2 text-xs ${r.senders.includes(me) ? 'border-sky-600 bg-sky-50' : 'border-slate-300'}`}
            >
              {r.key} {r.count}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function PendingItem({ row }: { row: OutboxRow }) {
  const t = useTranslations('timeline');
  const tErrors = useTranslations('outbox.errors');
  const body = typeof row.content.body === 'string' ? row.content.body : '';
  const status =
    row.state === 'failed'
      ? `${t('failed')}${row.error ? ` · ${tErrors(row.error as 'rejected')}` : ''}`
      : row.state === 'needs-confirmation'
        ? t('needsConfirmation')
        : row.attempts > 0
          ? t('waiting')
          : t('sending');
  return (
    <li className="flex flex-col items-end" data-testid="message" data-pending={row.state}>
      <p className="max-w-[80%] whitespace-pre-wrap break-words rounded-lg bg-sky-50 px-3 py-2 opacity-80" data-testid="message-body">
        {body}
      </p>
      <span className="text-xs text-slate-500" data-testid="message-status">
        {status}
        {(row.state === 'failed' || row.state === 'needs-confirmation') && (
          <>
            {' '}
            <button
              className="underline"
              onClick={() => (row.state === 'failed' ? retryMessage(row.txnId) : confirmMessage(row.txnId))}
            >
              {row.state === 'failed' ? t('retry') : t('sendAnyway')}
            </button>{' '}
            <button className="underline" onClick={() => discardMessage(row.txnId)}>
              {t('discard')}
            </button>
          </>
        )}
      </span>
    </li>
  );
}
