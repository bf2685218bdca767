import { db, type LuxchatDb } from './database';
import type { ReceiptRow } from './types';

/** The receipts table's one writer (within applyChanges' transaction). */

/**
 * The user read up to `eventId` on this device: kept at once, so that reopening the app (even
 * offline, before the homeserver has echoed the receipt) knows where the user left off.
 */
export async function recordOwnRead(roomId: string, userId: string, eventId: string, ts = Date.now()): Promise<void> {
  const d = db();
  await d.transaction('rw', d.receipts, () => writeReceipts(d, [{ roomId, userId, eventId, ts }]));
}

/** A receipt never moves back: the newer one per user and room wins. */
export async function writeReceipts(d: LuxchatDb, receipts: ReceiptRow[]): Promise<void> {
  if (!receipts.length) return;
  const stored = await d.receipts.bulkGet(receipts.map((r) => [r.roomId, r.userId] as [string, string]));
  const newest = new Map<string, ReceiptRow>();
  receipts.forEach((receipt, i) => {
    const key = `${receipt.roomId}|${receipt.userId}`;
    const before = newest.get(key) ?? stored[i];
    if (!before || before.ts <= receipt.ts) newest.set(key, receipt);
  });
  await d.receipts.bulkPut([...newest.values()]);
}
