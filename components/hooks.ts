'use client';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getRoom, getSession, getTimeline, listRooms } from '@/lib/db/queries';

/** undefined while loading, null when signed out. */
export function useSession() {
  return useLiveQuery(getSession, [], undefined);
}

export function useRooms() {
  return useLiveQuery(listRooms, [], undefined);
}

export function useRoom(roomId: string | null) {
  return useLiveQuery(() => (roomId ? getRoom(roomId) : null), [roomId], undefined);
}

export function useTimeline(roomId: string) {
  return useLiveQuery(() => getTimeline(roomId), [roomId], undefined);
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
