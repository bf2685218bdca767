import type { LuxchatDb } from './database';
import type { ReceiptRow } from './types';

/** The receipts table's one writer (within applyChanges' transaction). */

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
