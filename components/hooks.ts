'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getCryptoStatus } from '@/lib/db/cryptoStatus';
import { verificationView, type VerificationView } from '@/lib/matrix/crypto/verificationView';
import { getConnectionInfo, getMembers, getRoom, getSession, getTimeline, listRooms } from '@/lib/db/queries';

/**
 * undefined while loading, null when signed out. While signed out there is no database to
 * observe, so a login elsewhere is noticed when the tab regains focus; a login in this tab
 * calls `recheck`.
 */
export function useSession() {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    const recheck = () => setEpoch((n) => n + 1);
    window.addEventListener('focus', recheck);
    window.addEventListener(SESSION_CHANGED, recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      window.removeEventListener(SESSION_CHANGED, recheck);
    };
  }, []);
  return useLiveQuery(getSession, [epoch], undefined);
}

const SESSION_CHANGED = 'luxchat:session';

/** Tells this page's useSession to look again (after a login created the database). */
export function announceSessionChange() {
  window.dispatchEvent(new Event(SESSION_CHANGED));
}

export function useRooms() {
  return useLiveQuery(listRooms, [], undefined);
}

export function useRoom(roomId: string | null) {
  return useLiveQuery(() => (roomId ? getRoom(roomId) : null), [roomId], undefined);
}

export function useTimeline(roomId: string, limit: number) {
  return useLiveQuery(() => getTimeline(roomId, limit), [roomId, limit], undefined);
}

export function useConnection() {
  return useLiveQuery(getConnectionInfo, [], undefined);
}

const ROOM_HASH = '#/room/';

/** The open room lives in the URL hash: room ids are unknown when the pages are pre-rendered. */
export function useOpenRoom(): [string | null, (roomId: string | null) => void] {
  const [roomId, setRoomId] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      setRoomId(location.hash.startsWith(ROOM_HASH) ? decodeURIComponent(location.hash.slice(ROOM_HASH.length)) : null);
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  const open = (id: string | null) => {
    location.hash = id ? ROOM_HASH + encodeURIComponent(id) : '';
  };
  return [roomId, open];
}

export function useCryptoStatus() {
  return useLiveQuery(getCryptoStatus, [], undefined);
}

const NO_VERIFICATION: VerificationView = { phase: 'none' };

/** The verification in progress in this tab (the syncing tab runs it). */
export function useVerification(): VerificationView {
  return useSyncExternalStore(verificationView.subscribe, verificationView.get, () => NO_VERIFICATION);
}

export function useMembers(roomId: string) {
  return useLiveQuery(() => getMembers(roomId), [roomId], undefined);
}
