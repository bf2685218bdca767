'use client';
import { useEffect } from 'react';
import { loadSyncEngine } from '@/lib/actions/sync';
import type { SessionRow } from '@/lib/db/types';
import { useSessionEnded } from '../hooks';

/**
 * Runs the sync (the SDK and the crypto WASM, loaded only now, after the chats painted from
 * Dexie) for as long as the app is signed in and its key known: behind the lock screen too,
 * so that messages keep arriving and queued ones keep going out.
 */
export function SyncEngine({ session }: { session: SessionRow }) {
  // undefined while loading: the client waits for the answer, so a refused token is not tried again.
  const syncing = useSessionEnded() === null;
  useEffect(() => {
    if (!syncing) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void loadSyncEngine().then((runSync) => {
      if (!cancelled) stop = runSync(session);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
    // Keyed by the account, not the row object: a re-read of the same session must not restart the client.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.userId, session.deviceId, session.accessToken, syncing]);
  return null;
}
