import { ActionError } from '../matrix/errors';
import { prepareAttachment } from '../media/attachment';
import { waveformOf } from '../media/waveform';
import { enqueue } from '../outbox/enqueue';
import { encryptsFor, refuseUnsendable } from './sendAttachments';

export interface Recording {
  blob: Blob;
  durationMs: number;
  /** Loudness samples (0–1) taken while recording. */
  levels: number[];
}

/**
 * Queues a voice message: an m.audio with its duration and waveform (MSC1767) marked as voice
 * (MSC3245), encrypted on the device in an encrypted room and sent like any attachment (offline
 * too). `body` is the localised "Voice message" for clients that show text only.
 */
export async function sendVoiceMessage(roomId: string, recording: Recording, body: string): Promise<void> {
  if (recording.blob.size === 0 || recording.durationMs < 300) throw new ActionError('recordingTooShort');
  await refuseUnsendable([{ name: body, size: recording.blob.size }]);
  const mimetype = recording.blob.type || 'audio/webm';
  const extension = mimetype.includes('ogg') ? 'ogg' : mimetype.includes('mp4') ? 'm4a' : 'webm';
  const file = new File([recording.blob], `voice-message.${extension}`, { type: mimetype });
  const duration = Math.round(recording.durationMs);
  const { content, uploads } = await prepareAttachment(file, {
    encrypt: await encryptsFor(roomId),
    extra: {
      body,
      info: { duration },
      content: {
        'org.matrix.msc1767.audio': { duration, waveform: waveformOf(recording.levels) },
        'org.matrix.msc3245.voice': {},
      },
    },
  });
  await enqueue({ roomId, content, uploads });
}
