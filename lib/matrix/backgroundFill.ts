import type { MatrixClient } from 'matrix-js-sdk';
import { storedCount } from '../db/events';
import { gapsByRecency } from '../db/gaps';
import { maxEventsPerRoom } from '../db/applyChanges';
import { fillGapPage } from './history';

export interface BackgroundFillOptions {
  /** Checked before every page: false stops the run (offline, data saver, the tab stopped syncing). */
  allowed(): boolean;
  /** Resolves when the user's own requests are done: background pages wait behind them. */
  userIdle(): Promise<void>;
  /** At most this many pages per run (each is one /messages request). */
  maxPages?: number;
}

/**
 * After a resume, fetches the history missing in the most recently active rooms, newest rooms
 * first, each up to the number of events a room keeps, so what arrived while the app was
 * closed can be read offline later. Resolves with the number of pages fetched.
 */
export async function fillGapsInBackground(client: MatrixClient, options: BackgroundFillOptions): Promise<number> {
  const maxPages = options.maxPages ?? 200;
  const keep = await maxEventsPerRoom();
  const skipped = new Set<string>();
  let pages = 0;
  while (pages < maxPages) {
    await options.userIdle();
    if (!options.allowed()) break;
    const gaps = (await gapsByRecency()).filter((g) => !skipped.has(g.roomId));
    const gap = gaps[0];
    if (!gap) break;
    if ((await storedCount(gap.roomId)) >= keep) {
      skipped.add(gap.roomId);
      continue;
    }
    try {
      await fillGapPage(client, gap);
    } catch (error) {
      console.warn('luxchat: background fill stopped', error);
      break;
    }
    pages++;
  }
  return pages;
}
