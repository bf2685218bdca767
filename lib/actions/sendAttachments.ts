import { getRoom } from '../db/queries';
import { ActionError } from '../matrix/errors';
import { prepareAttachment } from '../media/attachment';
import { uploadLimit } from '../media/uploadLimit';
import { enqueue } from '../outbox/enqueue';

export interface AttachmentChoice {
  /** Sent with the first file (a caption), or the file name is the body. */
  caption?: string;
  /** Pictures as they are, not scaled down. */
  original?: boolean;
}

/**
 * Queues files as messages, one each, in order: pictures scaled down with a thumbnail, all of
 * it encrypted on the device in an encrypted room. Nothing is queued when one of them cannot go
 * (empty, or over the homeserver's upload limit, named in the message).
 */
export async function sendAttachments(roomId: string, files: File[], choice: AttachmentChoice = {}): Promise<void> {
  await refuseUnsendable(files);
  const encrypt = await encryptsFor(roomId);
  const prepared = [];
  for (const [i, file] of files.entries()) {
    prepared.push(await prepareAttachment(file, { encrypt, original: choice.original, caption: i === 0 ? choice.caption : undefined }));
  }
  for (const { content, uploads } of prepared) await enqueue({ roomId, content, uploads });
}

/** Refuses, naming it, a file that is empty or over the homeserver's upload limit (when known). */
export async function refuseUnsendable(files: { name: string; size: number }[]): Promise<void> {
  const limit = await uploadLimit();
  for (const file of files) {
    if (file.size === 0) throw new ActionError('emptyFile', { name: file.name });
    if (limit !== undefined && file.size > limit) throw new ActionError('fileTooLarge', { name: file.name, limit: megabytes(limit) });
  }
}

/** Whether a room's uploads are encrypted: unknown or still-being-created rooms count as encrypted, so nothing goes out in the clear by mistake. */
export async function encryptsFor(roomId: string): Promise<boolean> {
  return (await getRoom(roomId))?.encrypted !== false;
}

/** A byte count as megabytes with at most one decimal ("50", "2.5"). */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}
