'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { SessionRow } from '@/lib/db/types';
import { requestPersistentStorage } from '@/lib/actions/storage';
import { renewBackgroundCheck } from '@/lib/actions/notifications';
import { ConnectionStatus } from './ConnectionStatus';
import { lazyComponent } from '../ui/lazyComponent';
import { LuxchatLogo } from '../ui/icons';
import { marked } from '@/lib/perfMarks';
import { showUnreadBadge } from '@/lib/pwa/badge';
import { onOpenRoomRequest, setNotificationText } from '@/lib/pwa/notifications';
import { NotificationPrompt } from './NotificationPrompt';
import { LockSuggestion } from '../lock/LockSuggestion';
import { useNewMessageShortcut, useOpenRoom, useRooms, useSessionEnded, useSharing } from '../hooks';
import { SessionEndedScreen } from '../session/SessionEndedScreen';
import { RoomList } from '../rooms/RoomList';

// The room list paints first; the rest of the chat screen's code loads beside it (and at once
// after it paints, so that opening a room or a panel does not wait for the network).
const load = {
  roomView: () => import('../rooms/RoomView'),
  newDirectMessage: () => import('../rooms/NewDirectMessage'),
  newGroup: () => import('../rooms/NewGroup'),
  joinRoom: () => import('../rooms/JoinRoom'),
  settings: () => import('../settings/SettingsPanel'),
  sharePicker: () => import('../rooms/SharePicker'),
  encryptionDialogs: () => import('../encryption/EncryptionDialogs'),
};
const RoomView = lazyComponent(() => load.roomView().then((m) => m.RoomView));
const NewDirectMessage = lazyComponent(() => load.newDirectMessage().then((m) => m.NewDirectMessage));
const NewGroup = lazyComponent(() => load.newGroup().then((m) => m.NewGroup));
const JoinRoom = lazyComponent(() => load.joinRoom().then((m) => m.JoinRoom));
const SettingsPanel = lazyComponent(() => load.settings().then((m) => m.SettingsPanel));
const SharePicker = lazyComponent(() => load.sharePicker().then((m) => m.SharePicker));
const EncryptionDialogs = lazyComponent(() => load.encryptionDialogs().then((m) => m.EncryptionDialogs));
const EncryptionBanner = lazyComponent(() => load.encryptionDialogs().then((m) => m.EncryptionBanner));

export function ChatScreen({ session }: { session: SessionRow }) {
  const t = useTranslations('chat');
  const [roomId, openRoom] = useOpenRoom();
  const sharing = useSharing();
  const tRoom = useTranslations('room');
  const [panel, setPanel] = useState<'none' | 'dm' | 'group' | 'join' | 'settings'>('none');
  // A room created here and now under its real id stays the same view (the composer keeps what
  // is being typed, a key pressed during the move is not lost).
  const movedFrom = useRef(new Map<string, string>());
  const viewKey = roomId ? (movedFrom.current.get(roomId) ?? roomId) : null;
  // Opened from the installed app's "New message" shortcut: the new-message panel, once.
  const fromShortcut = useNewMessageShortcut();
  useEffect(() => {
    if (!fromShortcut) return;
    setPanel('dm');
    location.replace(`${location.pathname}${location.search}#`);
  }, [fromShortcut]);
  const tGroups = useTranslations('groups');
  const closePanel = (roomId: string | null) => {
    setPanel('none');
    if (roomId) openRoom(roomId);
  };

  useEffect(() => {
    void requestPersistentStorage();
    void renewBackgroundCheck();
    // Once the room list shows: what a click opens is loaded before the click.
    void marked('luxchat:rooms-painted', 2_000).then(() => Promise.all(Object.values(load).map((get) => get())).catch(() => undefined));
  }, []);
  // The room list, and the app icon's badge: unread messages in the joined chats.
  const rooms = useRooms();
  const unread = rooms?.reduce((sum, room) => sum + (room.membership === 'join' ? room.unread : 0), 0);
  useEffect(() => {
    if (unread !== undefined) showUnreadBadge(unread);
  }, [unread]);
  const tNotify = useTranslations('notifications');
  useEffect(() => {
    setNotificationText({
      newMessage: tNotify('newMessage'),
      photo: tNotify('photo'),
      file: tNotify('file'),
      voice: tNotify('voice'),
      video: tNotify('video'),
    });
  }, [tNotify]);
  // A clicked notification: its room (opening a room only changes the URL's hash).
  useEffect(() => onOpenRoomRequest((id) => openRoom(id)), []); // eslint-disable-line react-hooks/exhaustive-deps
  const ended = useSessionEnded();
  if (ended) return <SessionEndedScreen session={session} />;
  return (
    <div className="safe-area flex h-dvh">
      <button
        className="sr-only z-50 rounded bg-brand px-3 py-2 text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
        onClick={() => document.getElementById('conversation')?.focus()}
      >
        {t('skipToConversation')}
      </button>
      <aside
        className={`${roomId ? 'hidden md:flex' : 'flex'} w-full flex-col border-r border-line md:w-80`}
        aria-label={t('rooms')}
      >
        <header className="flex flex-col gap-2 border-b border-line p-3">
          <h1 className="flex items-center gap-2 text-lg font-semibold">
            <LuxchatLogo size={24} />
            {t('rooms')}
          </h1>
          <div className="flex flex-wrap gap-2">
            <button
              className="whitespace-nowrap rounded bg-brand px-3 py-1 text-sm text-white"
              onClick={() => setPanel('dm')}
            >
              {t('newMessage')}
            </button>
            <button className="whitespace-nowrap rounded border border-line px-3 py-1 text-sm" onClick={() => setPanel('group')}>
              {tGroups('newGroup')}
            </button>
            <button className="whitespace-nowrap rounded border border-line px-3 py-1 text-sm" onClick={() => setPanel('join')}>
              {tRoom('join')}
            </button>
            <button className="whitespace-nowrap rounded border border-line px-3 py-1 text-sm" onClick={() => setPanel('settings')}>
              {t('settings')}
            </button>
          </div>
        </header>
        <ConnectionStatus />
        <EncryptionBanner />
        <LockSuggestion onSetUp={() => setPanel('settings')} />
        <NotificationPrompt />
        {panel === 'dm' && <NewDirectMessage onDone={closePanel} />}
        {panel === 'group' && <NewGroup onDone={closePanel} />}
        {panel === 'join' && <JoinRoom onDone={closePanel} />}
        <RoomList rooms={rooms} selected={roomId} onSelect={openRoom} />
      </aside>
      <main id="conversation" tabIndex={-1} className={`${roomId || sharing ? 'flex' : 'hidden md:flex'} min-w-0 flex-1 flex-col`}>
        {sharing ? (
          <SharePicker onDone={(id) => openRoom(id, { replace: true })} />
        ) : roomId ? (
          <RoomView
            key={viewKey}
            roomId={roomId}
            session={session}
            onBack={() => openRoom(null)}
            onMoved={(id) => {
              movedFrom.current.set(id, viewKey ?? id);
              openRoom(id, { replace: true });
            }}
          />
        ) : (
          <p className="m-auto text-ink-muted">{t('selectRoom')}</p>
        )}
      </main>
      {panel === 'settings' && <SettingsPanel session={session} onClose={() => setPanel('none')} />}
      <EncryptionDialogs />
    </div>
  );
}
