'use client';
import { useLocale, useTranslations } from 'next-intl';
import { forwardRef, Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { may } from '@/lib/actions/roomPermissions';
import { toggleReaction } from '@/lib/actions/react';
import { redactMessage } from '@/lib/actions/redactMessage';
import { fillGap } from '@/lib/actions/fillGap';
import { loadOlderMessages } from '@/lib/actions/loadOlderMessages';
import { pendingKey } from '@/lib/db/localEcho';
import type { Timeline as TimelineData } from '@/lib/db/queries';
import type { GapRow, MessageRef, RoomRow, SessionRow } from '@/lib/db/types';
import { dayKey, dayLabel } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { markOnce } from '@/lib/perfMarks';
import { useConnection, useTimeline } from '../hooks';
import { RoomChanges } from '../rooms/RoomChanges';
import { SavingData } from './savingData';
import { EventItem, PendingItem, type MessageContext } from './MessageItem';

export interface TimelineProps {
  room: RoomRow;
  session: SessionRow;
  /** The event the user had read up to when the room opened (null: none; undefined: not known yet). */
  leftOff: string | null | undefined;
  onReply(to: MessageRef, senderName: string, body: string): void;
  onEdit(message: MessageRef, body: string): void;
}

type Quoted = MessageContext['quoted'];

/** What replies quote: every loaded message by event id and by txnId. */
function quotable(timeline: TimelineData, myName: string): Map<string, NonNullable<Quoted>> {
  const map = new Map<string, NonNullable<Quoted>>();
  for (const e of timeline.events) map.set(e.eventId, { domKey: e.eventId, senderName: e.senderName, body: e.redacted ? undefined : e.body });
  for (const row of timeline.pending) {
    const quote = { domKey: row.txnId, senderName: myName, body: typeof row.content.body === 'string' ? row.content.body : undefined };
    map.set(row.txnId, quote);
    if (row.eventId) map.set(row.eventId, quote);
  }
  return map;
}

export function Timeline({ room, session, leftOff, onReply, onEdit }: TimelineProps) {
  const roomId = room.roomId;
  const t = useTranslations('timeline');
  const [limit, setLimit] = useState(PAGE);
  const [startReached, setStartReached] = useState(false);
  const timeline = useTimeline(roomId, limit, session.userId);
  const connection = useConnection();
  const list = useRef<HTMLOListElement>(null);
  const end = useRef<HTMLLIElement>(null);
  // Whether the user is at the newest message: new ones scroll into view only then.
  const atBottom = useRef(true);
  const [unseen, setUnseen] = useState(false);
  const unreadLine = useRef<HTMLLIElement>(null);
  const [jumped, setJumped] = useState(false);
  const count = (timeline?.events.length ?? 0) + (timeline?.pending.length ?? 0);
  const newest = timeline?.events.at(-1)?.eventId;
  const pendingCount = timeline?.pending.length ?? 0;
  useEffect(() => {
    if (newest) markOnce('luxchat:timeline-painted');
  }, [newest]);
  // Screen readers hear each new message from others once, not the list re-read at every change.
  const [announcement, setAnnouncement] = useState('');
  const firstNewest = useRef<string | undefined>(undefined);
  const newestEvent = timeline?.events.at(-1);
  useEffect(() => {
    if (!newestEvent) return;
    if (firstNewest.current === undefined) {
      firstNewest.current = newestEvent.eventId;
      return;
    }
    if (newestEvent.eventId === firstNewest.current || newestEvent.sender === session.userId) return;
    setAnnouncement(t('announceNew', { name: newestEvent.senderName, body: newestEvent.body ?? '' }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announced once per newest event
  }, [newestEvent?.eventId]);

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
  // Where the user left off when the room opened: the line stays there while it is open.
  const leftAt = leftOff ? timeline.events.findIndex((e) => e.eventId === leftOff) : -1;
  const unreadAfter = leftAt >= 0 && timeline.events.slice(leftAt + 1).some((e) => e.sender !== session.userId) ? leftOff : null;
  const myName = timeline.events.findLast((e) => e.sender === session.userId)?.senderName ?? session.userId;
  const quotes = quotable(timeline, myName);
  const canDeleteOthers = may(room, 'redact');
  const context = (quotedKey: string | undefined, reactionKey: string, mine: boolean): MessageContext => ({
    quoted: quotedKey === undefined ? undefined : (quotes.get(quotedKey) ?? null),
    reactions: timeline.reactions[reactionKey],
    readBy: timeline.readBy[reactionKey],
    problems: timeline.problems[reactionKey],
    canDelete: mine || canDeleteOthers,
    onReply,
    onEdit,
    // A message gone in between (sent and echoed, or discarded) is shown anew: nothing to do.
    onDelete: (message) => void redactMessage(roomId, message).catch((e: unknown) => console.warn('luxchat: not deleted', e)),
    onReact: (message, key, own) => void toggleReaction(roomId, message, key, own).catch((e: unknown) => console.warn('luxchat: no reaction', e)),
  });
  const gapsBefore = new Map<string, GapRow[]>();
  for (const gap of timeline.gaps) {
    const next = timeline.events.find((e) => e.ts >= gap.ts);
    if (next) gapsBefore.set(next.eventId, [...(gapsBefore.get(next.eventId) ?? []), gap]);
  }
  return (
    <SavingData.Provider value={connection?.dataSaver ?? false}>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <RoomChanges rows={timeline.roomChanges} />
        <p className="sr-only" aria-live="polite" data-testid="timeline-announcer">
          {announcement}
        </p>
        <ol
          ref={list}
          onScroll={onScroll}
          className="flex flex-1 flex-col gap-2 overflow-y-auto p-3"
          data-testid="timeline"
        >
          {count === 0 && <li className="m-auto text-ink-muted">{t('empty')}</li>}
          {timeline.events.length > 0 && (timeline.events.length >= limit || !startReached) && (
            <li className="self-center">
              <button className="text-sm text-link underline" onClick={loadOlder}>
                {t('loadOlder')}
              </button>
            </li>
          )}
          {timeline.events.map((event, i) => {
            const previous = timeline.events[i - 1];
            const gaps = gapsBefore.get(event.eventId);
            const newDay = !previous || dayKey(previous.ts) !== dayKey(event.ts);
            const unreadHere = previous !== undefined && previous.eventId === unreadAfter;
            // One header for a run of messages from one sender within a few minutes.
            const grouped = !newDay && !gaps && !unreadHere && previous?.sender === event.sender && event.ts - previous.ts < GROUP_MS;
            return (
              <Fragment key={event.eventId}>
                {gaps?.map((gap) => <GapMarker key={gap.id} gap={gap} />)}
                {newDay && <DaySeparator ts={event.ts} />}
                {unreadHere && <UnreadLine ref={unreadLine} />}
                <EventItem
                  event={event}
                  mine={event.sender === session.userId}
                  grouped={grouped}
                  avatar={timeline.avatars[event.sender]}
                  context={context(event.inReplyTo, event.eventId, event.sender === session.userId)}
                />
              </Fragment>
            );
          })}
          {timeline.pending.map((row) => (
            <PendingItem
              key={row.txnId}
              row={row}
              myName={myName}
              context={context(row.relation?.rel === 'reply' ? (row.relation.eventId ?? row.dependsOn) : undefined, pendingKey(row), true)}
            />
          ))}
          <li ref={end} aria-hidden />
        </ol>
        {unreadAfter && !jumped && (
          <button
            className="absolute left-1/2 top-2 -translate-x-1/2 rounded-full border border-brand bg-surface px-3 py-1 text-sm text-link shadow"
            data-testid="jump-to-unread"
            onClick={() => {
              unreadLine.current?.scrollIntoView({ block: 'start' });
              setJumped(true);
            }}
          >
            {t('jumpToUnread')}
          </button>
        )}
        {unseen && (
          <button
            className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-brand px-4 py-1 text-sm text-white shadow"
            data-testid="new-messages"
            onClick={scrollToEnd}
          >
            {t('newMessages')}
          </button>
        )}
      </div>
    </SavingData.Provider>
  );
}

/**
 * History the device does not have between two messages. Filled when scrolled into view while
 * online (and again when the connection comes back); offline it stays, saying so.
 */
const GAP_TRIES = 3;
const GAP_RETRY_MS = 2_000;

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
  // A failure just after the connection came back is often passing: tried again a few times.
  const failures = useRef(new Map<string, number>());
  const fill = useCallback(() => {
    setBusy(true);
    fillGap(gap.id!).then(
      () => setBusy(false),
      () => {
        setBusy(false);
        setFailedAt(key);
        const count = (failures.current.get(key) ?? 0) + 1;
        failures.current.set(key, count);
        if (count < GAP_TRIES) setTimeout(() => setFailedAt((now) => (now === key ? null : now)), GAP_RETRY_MS * count);
      },
    );
  }, [gap.id, key]);

  // Automatic tries per position of the gap (a few) and per return online; the button retries by
  // hand. Not on `busy` turning false: the moved gap arrives a moment later, and its new key tries again.
  useEffect(() => {
    if (visible && online && !busy && failedAt !== key) fill();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, online, failedAt, key, fill]);
  // Offline forgets the failure, so coming back online tries again.
  useEffect(() => {
    if (!online) setFailedAt(null);
  }, [online]);

  return (
    <li ref={ref} className="flex items-center gap-2 self-stretch text-sm text-ink-muted" data-testid="gap" data-gap-id={gap.id}>
      <span className="h-px flex-1 bg-surface-strong" aria-hidden />
      <span>{busy ? t('gapLoading') : t('gap')}</span>
      {!busy && (
        <button className="text-link underline" onClick={fill}>
          {t('gapLoad')}
        </button>
      )}
      <span className="h-px flex-1 bg-surface-strong" aria-hidden />
    </li>
  );
}

const PAGE = 50;
/** Messages from one sender closer together than this share one header. */
const GROUP_MS = 5 * 60 * 1000;

function DaySeparator({ ts }: { ts: number }) {
  const t = useTranslations('timeline');
  const locale = useLocale() as Locale;
  const label = dayLabel(ts, locale);
  return (
    <li className="flex items-center gap-2 self-stretch text-xs font-medium text-ink-muted" data-testid="day-separator">
      <span className="h-px flex-1 bg-surface-strong" aria-hidden />
      <span>{'key' in label ? t(label.key) : label.date}</span>
      <span className="h-px flex-1 bg-surface-strong" aria-hidden />
    </li>
  );
}

const UnreadLine = forwardRef<HTMLLIElement>(function UnreadLine(_props, ref) {
  const t = useTranslations('timeline');
  return (
    <li ref={ref} className="flex items-center gap-2 self-stretch text-xs font-semibold text-danger" data-testid="unread-line">
      <span className="h-px flex-1 bg-danger-line" aria-hidden />
      <span>{t('unreadLine')}</span>
      <span className="h-px flex-1 bg-danger-line" aria-hidden />
    </li>
  );
});
