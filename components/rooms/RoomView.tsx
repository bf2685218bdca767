'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { acceptInvite } from '@/lib/actions/acceptInvite';
import { leaveRoom } from '@/lib/actions/leaveRoom';
import { moveDraft } from '@/lib/actions/drafts';
import { markRead } from '@/lib/actions/markRead';
import type { RoomRow, SessionRow } from '@/lib/db/types';
import { lastOwnMessage, pendingRoomChanges, readPosition } from '@/lib/db/queries';
import { useLiveQuery } from 'dexie-react-hooks';
import { RoomChanges } from './RoomChanges';
import { Composer } from '../composer/Composer';
import { NEW_MESSAGE, type ComposeMode } from '../composer/composeMode';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { MembersPanel } from './MembersPanel';
import { RoomSettingsPanel } from './RoomSettingsPanel';
import { useRoom } from '../hooks';
import { Timeline } from '../timeline/Timeline';
import { useActionError } from '../ui/useActionError';
import { ErrorNote } from '../ui/ErrorNote';

export function RoomView({
  roomId,
  session,
  onBack,
  onMoved,
}: {
  roomId: string;
  session: SessionRow;
  onBack: () => void;
  /** The room was created meanwhile and has its own id now: open it there. */
  onMoved: (roomId: string) => void;
}) {
  const t = useTranslations('chat');
  const tMembers = useTranslations('members');
  const room = useRoom(roomId);
  const [panel, setPanel] = useState<'none' | 'members' | 'settings'>('none');
  const [leaving, setLeaving] = useState(false);
  const tRoom = useTranslations('room');
  const toggle = (which: 'members' | 'settings') => setPanel((p) => (p === which ? 'none' : which));
  const [mode, setMode] = useState<ComposeMode>(NEW_MESSAGE);
  // A reply or an edit belongs to the room it was started in.
  useEffect(() => setMode(NEW_MESSAGE), [roomId]);
  const editLast = async () => {
    const last = await lastOwnMessage(roomId, session.userId);
    if (last) setMode({ kind: 'edit', message: last.ref, body: last.body });
  };

  // Where the user left off, read before this visit marks anything read (the unread line stays there).
  const [leftOff, setLeftOff] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    readPosition(roomId, session.userId).then(
      (eventId) => current && setLeftOff(eventId ?? null),
      () => current && setLeftOff(null),
    );
    return () => {
      current = false;
    };
  }, [roomId, session.userId]);
  useReadReceipts(room, session.userId, leftOff !== undefined);
  const movedTo = room?.movedTo;
  useEffect(() => {
    if (!movedTo) return;
    // What was typed while the room was being created goes to the room itself.
    moveDraft(roomId, movedTo);
    onMoved(movedTo);
  }, [roomId, movedTo, onMoved]);
  const tMessage = useTranslations('message');

  if (!room) return null;
  return (
    <>
      <header className="flex items-center gap-2 border-b border-line p-3">
        <button className="md:hidden" onClick={onBack} aria-label={t('back')}>
          ←
        </button>
        <h2 className="truncate text-lg font-semibold" data-testid="room-title">
          {room.name}
        </h2>
        {room.encrypted && (
          <span className="rounded bg-success-soft px-2 text-xs text-success" data-testid="room-encrypted">
            {t('encrypted')}
          </span>
        )}
        <span className="ml-auto flex gap-3 text-sm">
          <button className="text-link underline" onClick={() => toggle('members')}>
            {tMembers('show')}
          </button>
          {room.membership === 'join' && (
            <>
              <button className="text-link underline" onClick={() => toggle('settings')}>
                {tRoom('settings')}
              </button>
              <button className="text-danger underline" onClick={() => setLeaving(true)}>
                {tRoom('leave')}
              </button>
            </>
          )}
        </span>
      </header>
      {room.topic && (
        <p className="border-b border-line px-3 py-1 text-sm text-ink-muted" data-testid="room-topic">
          {room.topic}
        </p>
      )}
      {panel === 'members' && <MembersPanel room={room} me={session.userId} onClose={() => setPanel('none')} />}
      {panel === 'settings' && <RoomSettingsPanel room={room} onClose={() => setPanel('none')} />}
      {leaving && (
        <ConfirmDialog
          title={tRoom('leaveTitle')}
          text={tRoom('leaveText')}
          confirm={tRoom('leave')}
          cancel={tRoom('cancel')}
          onConfirm={() => void leaveRoom(roomId).then(onBack, () => undefined)}
          onClose={() => setLeaving(false)}
        />
      )}
      {room.membership === 'invite' ? (
        <InviteBanner room={room} onDeclined={onBack} />
      ) : (
        <>
          <Timeline
            key={roomId}
            room={room}
            session={session}
            leftOff={leftOff}
            onReply={(to, senderName, body) => setMode({ kind: 'reply', to, senderName, body })}
            onEdit={(message, body) => setMode({ kind: 'edit', message, body })}
          />
          <p className="h-5 px-3 text-xs text-ink-muted" aria-live="polite" data-testid="typing">
            {room.typing?.length ? tMessage('typing', { count: room.typing.length, names: room.typing.join(', ') }) : ''}
          </p>
          <Composer roomId={roomId} mode={mode} onModeChange={setMode} onEditLast={() => void editLast()} />
        </>
      )}
    </>
  );
}

/**
 * Reading a room clears its count and sends a read receipt: when it opens, when a newer
 * message arrives while it is open, and when the tab becomes visible again.
 */
function useReadReceipts(room: RoomRow | null | undefined, me: string, allowed: boolean) {
  const [visible, setVisible] = useState(() => typeof document !== 'undefined' && document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  const sentFor = useRef<string | undefined>(undefined);
  const roomId = room?.roomId;
  const joined = room?.membership === 'join';
  const newest = room?.lastEventId;
  const unread = room?.unread ?? 0;
  useEffect(() => {
    if (!roomId || !joined || !visible || !allowed) return;
    if (unread === 0 && newest === sentFor.current) return;
    sentFor.current = newest;
    void markRead(roomId, me);
  }, [roomId, me, joined, newest, unread, visible, allowed]);
}

function InviteBanner({ room, onDeclined }: { room: RoomRow; onDeclined: () => void }) {
  const t = useTranslations('invite');
  const { error, run } = useActionError();
  // Accepting is queued: until the homeserver says the user is in, the banner says so.
  const changes = useLiveQuery(() => pendingRoomChanges(room.roomId), [room.roomId]) ?? [];
  const joining = changes.some((row) => row.content.op === 'join' && row.state !== 'failed' && row.state !== 'needs-confirmation');
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<void>, after?: () => void) => {
    setBusy(true);
    const ok = (await run(async () => (await action(), true))) ?? false;
    setBusy(false);
    if (ok) after?.();
  };
  return (
    <div className="m-auto flex flex-col items-center gap-4 p-6">
      <p>{t('text', { inviter: room.inviter ?? '' })}</p>
      <RoomChanges rows={changes.filter((row) => row.state === 'failed' || row.state === 'needs-confirmation')} />
      {joining && (
        <p className="text-ink-muted" role="status" data-testid="invite-joining">
          {t('joining')}
        </p>
      )}
      <div className="flex gap-3">
        <button
          disabled={busy || joining}
          className="rounded bg-brand px-4 py-2 text-white disabled:opacity-60"
          onClick={() => act(() => acceptInvite(room.roomId))}
        >
          {t('accept')}
        </button>
        <button
          disabled={busy}
          className="rounded border border-line px-4 py-2 disabled:opacity-60"
          onClick={() => act(() => leaveRoom(room.roomId), onDeclined)}
        >
          {t('decline')}
        </button>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
