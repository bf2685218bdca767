import { db } from './database';
import type { VerificationView } from './types';

const NONE: VerificationView = { phase: 'none' };

export async function getVerificationView(): Promise<VerificationView> {
  const row = await db().kv.get('verification');
  return row?.key === 'verification' ? row.view : NONE;
}

/** Written by the syncing tab's verification only. */
export async function setVerificationView(view: VerificationView): Promise<void> {
  await db().kv.put({ key: 'verification', view });
}
