import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/database';
import { freshDatabase, joinedRoom, outboxRows } from '../db/testDatabase';

vi.mock('../media/uploadLimit', () => ({ uploadLimit: async () => 10 * 1024 * 1024 }));
const { sendVoiceMessage } = await import('./sendVoiceMessage');

beforeEach(freshDatabase);

const take = (ms: number, bytes = 2048) => ({ blob: new Blob([new Uint8Array(bytes)], { type: 'audio/webm;codecs=opus' }), durationMs: ms, levels: [0.1, 0.5, 0.25, 0] });

describe('sendVoiceMessage', () => {
  it('queues an m.audio marked as voice, with its duration and waveform, encrypted in an encrypted room', async () => {
    await db().rooms.put(joinedRoom(0, { encrypted: true }));
    await sendVoiceMessage('!r:hs', take(2_340), 'Voice message');
    const [row] = await outboxRows();
    expect(row.content).toMatchObject({
      msgtype: 'm.audio',
      body: 'Voice message',
      filename: 'voice-message.webm',
      info: { mimetype: 'audio/webm;codecs=opus', size: 2048, duration: 2340 },
      'org.matrix.msc1767.audio': { duration: 2340, waveform: [205, 1024, 512, 0] },
      'org.matrix.msc3245.voice': {},
    });
    expect(row.content.file).toBeDefined();
    expect(row.uploads).toHaveLength(1);
  });

  it('refuses a recording too short to mean anything', async () => {
    await expect(sendVoiceMessage('!r:hs', take(100), 'Voice message')).rejects.toMatchObject({ code: 'recordingTooShort' });
    await expect(sendVoiceMessage('!r:hs', take(2_000, 0), 'Voice message')).rejects.toMatchObject({ code: 'recordingTooShort' });
    expect(await outboxRows()).toEqual([]);
  });
});
