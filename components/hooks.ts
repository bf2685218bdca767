'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getCryptoStatus } from '@/lib/db/cryptoStatus';
import { earlyValue, forgetEarly, type EarlyValues } from '@/lib/db/earlyReads';
import { appLockRow, isLocked, subscribeLock } from '@/lib/actions/appLock';
import { LockedError } from '@/lib/lock/sealing';
import { getVerificationView } from '@/lib/db/verification';
import type { VerificationView } from '@/lib/db/types';
import { getConnectionInfo, getMembers, getRoom, getSession, getSessionEnded, getTimeline, listRooms } from '@/lib/db/queries';
import { isClosing, subscribeClosing, watchSessionEnd } from '@/lib/actions/session';
import { storageHealthy, subscribeStorageHealth } from '@/lib/actions/storage';
import { SESSION_CHANGED } from './shell/sessionChange';

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
    // A logout in another tab: this one lets go of its database and shows the login screen.
    const stopWatching = watchSessionEnd(recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      window.removeEventListener(SESSION_CHANGED, recheck);
      stopWatching();
    };
  }, []);
  // Locked (the app lock's key not typed yet): not known, rather than signed out.
  const live = useLiveQuery(() => getSession().catch((error: unknown) => (error instanceof LockedError ? undefined : null)), [epoch], undefined);
  return useEarlyUntilLive('session', live);
}

/** Set when the homeserver ended the session with soft_logout: sign in again to go on. */
export function useSessionEnded() {
  return useLiveQuery(getSessionEnded, [], undefined);
}

/** False while the device refuses our writes (storage full); every tab hears it. */
export function useStorageHealthy(): boolean {
  return useSyncExternalStore(subscribeStorageHealth, storageHealthy, () => true);
}

export function useRooms() {
  return useEarlyUntilLive('rooms', useLiveQuery(listRooms, [], undefined));
}

/** A live query's answer, or before it the start's early read (lib/db/earlyReads.ts). */
function useEarlyUntilLive<N extends 'session' | 'rooms'>(name: N, live: EarlyValues[N] | undefined): EarlyValues[N] | undefined {
  useEffect(() => {
    if (live !== undefined) forgetEarly(name);
  }, [name, live]);
  return live !== undefined ? live : earlyValue(name);
}

export function useRoom(roomId: string | null) {
  return useLiveQuery(() => (roomId ? getRoom(roomId) : null), [roomId], undefined);
}

export function useTimeline(roomId: string, limit: number, me?: string) {
  return useLiveQuery(() => getTimeline(roomId, limit, me), [roomId, limit, me], undefined);
}

export function useConnection() {
  return useLiveQuery(getConnectionInfo, [], undefined);
}

const ROOM_HASH = '#/room/';
const SHARE_HASH = '#/share';

/** The URL hash, kept current ('' before the page has hydrated). */
function useHash(): string {
  const [hash, setHash] = useState('');
  useEffect(() => {
    const read = () => setHash(location.hash);
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  return hash;
}

/** The open room lives in the URL hash: room ids are unknown when the pages are pre-rendered. */
export function useOpenRoom(): [string | null, (roomId: string | null, options?: { replace?: boolean }) => void] {
  const hash = useHash();
  const roomId = hash.startsWith(ROOM_HASH) ? decodeURIComponent(hash.slice(ROOM_HASH.length)) : null;
  // `replace`: the room moved (a placeholder became a real room); going back must not return to it.
  const open = (id: string | null, options?: { replace?: boolean }) => {
    const next = id ? ROOM_HASH + encodeURIComponent(id) : '';
    if (options?.replace) location.replace(`${location.pathname}${location.search}${next || '#'}`);
    else location.hash = next;
  };
  return [roomId, open];
}

const NEW_MESSAGE_HASH = '#/new-message';

/** Whether the app was opened from its "New message" shortcut (the manifest's `shortcuts`). */
export function useNewMessageShortcut(): boolean {
  return useHash() === NEW_MESSAGE_HASH;
}

/** Whether the app was opened by another app's share (`#/share`): the "Send to…" picker shows. */
export function useSharing(): boolean {
  return useHash() === SHARE_HASH;
}

export function useCryptoStatus() {
  return useLiveQuery(getCryptoStatus, [], undefined);
}

const NO_VERIFICATION: VerificationView = { phase: 'none' };

/** The verification in progress (the syncing tab runs it; every tab shows it). */
export function useVerification(): VerificationView {
  return useLiveQuery(getVerificationView, [], NO_VERIFICATION);
}

export function useMembers(roomId: string) {
  return useLiveQuery(() => getMembers(roomId), [roomId], undefined);
}

/** True from the moment a logout starts (in any tab) until the page reloads signed out. */
export function useSigningOut(): boolean {
  return useSyncExternalStore(subscribeClosing, isClosing, () => false);
}

/** The app lock's row: undefined while loading, null when the lock is off. */
export function useAppLock() {
  return useLiveQuery(() => appLockRow().then((row) => row ?? null), [], undefined);
}

/** Whether this tab shows the lock screen. */
export function useLocked(): boolean {
  return useSyncExternalStore(subscribeLock, isLocked, () => false);
}
