'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { finishShare } from '@/lib/actions/shareIntoRoom';
import { latestShared } from '@/lib/db/shared';
import { AttachmentPreview } from '../composer/AttachmentPreview';
import { useRooms } from '../hooks';
import { Avatar } from '../ui/Avatar';

/** "Send to…": what another app shared into Luxchat, and the rooms to send it to. */
export function SharePicker({ onDone }: { onDone: (roomId: string | null) => void }) {
  const t = useTranslations('share');
  const shared = useLiveQuery(() => latestShared().then((s) => s ?? null), [], undefined);
  const rooms = useRooms();
  const [roomId, setRoomId] = useState<string | null>(null);
  const files = useMemo(() => shared?.files.map((f) => new File([f.blob], f.name, { type: f.type })) ?? [], [shared]);
  if (shared === undefined || !rooms) return null;
  const finish = async (to: string | null) => {
    await finishShare(to, shared?.text, files.length > 0);
    onDone(to);
  };
  if (!shared || (!files.length && !shared.text)) {
    return (
      <section className="m-auto flex flex-col items-center gap-3 p-6" data-testid="share-picker">
        <p>{t('nothing')}</p>
        <button className="rounded border border-line px-3 py-1" onClick={() => void finish(null)}>
          {t('close')}
        </button>
      </section>
    );
  }
  const room = rooms.find((r) => r.roomId === roomId);
  return (
    <section className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-4" aria-label={t('title')} data-testid="share-picker">
      <h2 className="text-lg font-semibold">{room ? t('sendTo', { name: room.name }) : t('title')}</h2>
      {room ? (
        <AttachmentPreview
          roomId={room.roomId}
          files={files}
          initialCaption={shared.text}
          onDone={(sent) => (sent ? void finish(room.roomId) : setRoomId(null))}
        />
      ) : (
        <>
          <p className="text-sm text-ink-muted">{files.length ? t('files', { count: files.length }) : shared.text}</p>
          <ul className="flex flex-col gap-1">
            {rooms
              .filter((r) => r.membership === 'join')
              .map((r) => (
                <li key={r.roomId}>
                  <button
                    className="flex w-full items-center gap-3 rounded px-2 py-2 text-left hover:bg-surface-alt"
                    onClick={() => (files.length ? setRoomId(r.roomId) : void finish(r.roomId))}
                  >
                    <Avatar mxc={r.avatarUrl} name={r.name} id={r.roomId} size={32} />
                    <span className="truncate">{r.name}</span>
                  </button>
                </li>
              ))}
          </ul>
          <button className="self-start rounded border border-line px-3 py-1" onClick={() => void finish(null)}>
            {t('cancel')}
          </button>
        </>
      )}
    </section>
  );
}
