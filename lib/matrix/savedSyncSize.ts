import type { IndexedDBStore } from 'matrix-js-sdk';
import type { ISavedSync } from 'matrix-js-sdk/lib/store/index.js';
import { trimTimelines } from './trimSavedSync';

type Persist = (nextBatch: string, roomsData: ISavedSync['roomsData']) => Promise<void>;

/**
 * The SDK's sync store writes up to 50 events per room at every save, and reads and
 * re-accumulates all of them at every start, on the main thread. Written trimmed to the newest
 * `keep` (the state stays whole), both are cheaper. IndexedDBStore has no option for it: the
 * in-page backend's write is wrapped, when it is still there (savedSyncSize.test.ts checks that
 * against the installed SDK). Returns whether it was.
 * `onSaved` learns the position of each sync written, once it is on the device.
 */
export function trimSavedTimelines(store: IndexedDBStore, keep: number, onSaved?: (nextBatch: string) => void): boolean {
  // A private member of the in-page backend, reached on purpose (see above).
  const backend = store.backend as unknown as { persistSyncData?: Persist };
  const persist = backend.persistSyncData;
  if (typeof persist !== 'function') return false;
  backend.persistSyncData = async (nextBatch, roomsData) => {
    await persist.call(backend, nextBatch, trimTimelines(roomsData, keep));
    onSaved?.(nextBatch);
  };
  return true;
}
