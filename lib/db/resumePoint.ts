import { db } from './database';
import type { ResumePointRow } from './types';

/** The `resumePoint` row of `kv`; this module is its only writer. */

export async function getResumePoint(): Promise<ResumePointRow | null> {
  const row = await db().kv.get('resumePoint');
  return row?.key === 'resumePoint' ? row : null;
}

export async function saveResumePoint(since: string, filterId: string): Promise<void> {
  await db().kv.put({ key: 'resumePoint', since, filterId });
}
