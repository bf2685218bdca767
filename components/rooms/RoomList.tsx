'use client';
import { useLocale, useTranslations } from 'next-intl';
import { formatMessageTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locales';
import { markOnce } from '@/lib/perfMarks';
import { startTransition, useEffect, useState } from 'react';
import type { RoomRow } from '@/lib/db/types';
import { Avatar } from '../ui/Avatar';

/** `rooms`: the list to show (undefined while it loads), read once by the chat screen. */
export function RoomList({ rooms, selected, onSelect }: { rooms: RoomRow[] | undefined; selected: string | null; onSelect: (roomId: string) => void }) {
  const t = useTranslations('chat');
  const locale = useLocale() as Locale;
  const shown = rooms?.length ?? 0;
  const limit = useFirstScreenFirst(shown > 0);
  useEffect(() => {
    if (shown > 0) markOnce('luxchat:rooms-painted');
  }, [shown]);
  if (!rooms) return null;
  if (rooms.length === 0) return <p className="p-4 text-sm text-ink-muted">{t('noRooms')}</p>;
  return (
    <ul className="flex-1 overflow-y-auto" data-testid="room-list">
      {rooms.slice(0, limit).map((room) => (
        <li key={room.roomId} className="[contain-intrinsic-size:auto_64px] [content-visibility:auto]">
          <button
            className={`flex w-full items-center gap-3 border-b border-line px-3 py-2 text-left hover:bg-surface-alt ${
              room.roomId === selected ? 'bg-brand-soft' : ''
            }`}
            onClick={() => onSelect(room.roomId)}
            data-room-id={room.roomId}
            aria-current={room.roomId === selected ? 'true' : undefined}
          >
            <Avatar mxc={room.avatarUrl} name={room.name} id={room.roomId} size={40} />
            <span className="flex min-w-0 flex-1 flex-col gap-0.5">
              <span className="flex items-center justify-between gap-2">
                <span className="truncate font-medium" data-testid="room-name">
                  {room.encrypted && (
                    <span role="img" aria-label={t('encrypted')} title={t('encrypted')} className="mr-1">
                      🔒
                    </span>
                  )}
                  {room.name}
                </span>
                {room.lastTs > 0 && (
                  <time className="shrink-0 text-xs text-ink-muted" dateTime={new Date(room.lastTs).toISOString()}>
                    {formatMessageTime(room.lastTs, locale)}
                  </time>
                )}
              </span>
              <span className="flex items-center justify-between gap-2">
                <span className="truncate text-sm text-ink-muted" data-testid="room-preview">
                  {room.lastBody !== undefined ? `${room.lastSender}: ${room.lastBody}` : ''}
                </span>
                {room.mentions > 0 && (
                  <span
                    className="shrink-0 rounded-full bg-mention px-2 text-xs font-semibold text-white"
                    aria-label={t('mentions', { count: room.mentions })}
                    data-testid="room-mentions"
                  >
                    @{room.mentions}
                  </span>
                )}
                {room.unread > 0 && (
                  <span
                    className="shrink-0 rounded-full bg-brand px-2 text-xs text-white"
                    aria-label={t('unread', { count: room.unread })}
                    data-testid="room-unread"
                  >
                    {room.unread}
                  </span>
                )}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** More than any screen shows at once (a room is 64 px high). */
const FIRST_SCREEN = 40;

/**
 * How many rooms to render: at the start, a screenful, and the rest once that has painted. A
 * long list would otherwise hold back the first paint by the time React takes to build it all
 * (200 rooms: about 100 ms on a mid-range phone); what is below the fold can come a frame later.
 */
function useFirstScreenFirst(hasRooms: boolean): number {
  const [limit, setLimit] = useState(FIRST_SCREEN);
  useEffect(() => {
    if (!hasRooms || limit === Infinity) return;
    // After the frame that shows the first screenful.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setLimit(Infinity)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [hasRooms, limit]);
  return limit;
}
