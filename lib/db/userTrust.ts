import { db } from './database';
import type { UserTrustRow } from './types';

/** The userTrust table's one writer: which users we have verified, as the crypto says. */
export async function storeUserTrust(rows: UserTrustRow[]): Promise<void> {
  if (rows.length) await db().userTrust.bulkPut(rows);
}
