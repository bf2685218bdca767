import { clearShared } from '../db/shared';
import { saveDraft } from './drafts';

/**
 * What another app shared goes into the room the user picked: its files through the attachment
 * preview (sent by the caller), its text as the room's draft when there are no files. The share
 * is then forgotten.
 */
export async function finishShare(roomId: string | null, text?: string, hasFiles = false): Promise<void> {
  if (roomId && text && !hasFiles) saveDraft(roomId, text);
  await clearShared();
}
