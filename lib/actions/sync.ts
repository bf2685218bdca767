import type { SessionRow } from '../db/types';

/**
 * Loads the sync engine (the SDK and the crypto WASM come with it, so screens call this after
 * painting from Dexie). Its function joins the election of the tab that syncs the account,
 * syncs when elected, and returns the stop.
 */
export async function loadSyncEngine(): Promise<(session: SessionRow) => () => void> {
  // The crypto WASM compiles while the engine's code loads, instead of after it.
  void import('../matrix/cryptoWasm').then((m) => m.loadCryptoWasm());
  const { runSyncLeader } = await import('../matrix/syncLeader');
  return runSyncLeader;
}
