import { db } from './database';
import type { CryptoStatusRow } from './types';

export async function getCryptoStatus(): Promise<CryptoStatusRow> {
  const row = await db().kv.get('crypto');
  return row?.key === 'crypto' ? row : { key: 'crypto', state: 'checking', recoveryKeySaved: false };
}

export async function updateCryptoStatus(change: Partial<Omit<CryptoStatusRow, 'key'>>): Promise<void> {
  const d = db();
  await d.transaction('rw', d.kv, async () => {
    await d.kv.put({ ...(await getCryptoStatus()), ...change, key: 'crypto' });
  });
}
