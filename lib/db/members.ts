import type { LuxchatDb } from './database';
import type { MemberRow } from './types';

/** The members table's one writer (within applyChanges' transaction). */
export async function writeMembers(d: LuxchatDb, members: MemberRow[]): Promise<void> {
  if (members.length) await d.members.bulkPut(members);
}
