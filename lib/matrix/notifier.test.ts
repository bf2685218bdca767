import { MatrixEvent, type MatrixClient, type Room } from 'matrix-js-sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import { updateSettings } from '../db/settings';
import { freshDatabase } from '../db/testDatabase';
import { notificationFor } from './notifier';
import { enableAppLock, forgetKey, lockNow, unlockAppLock } from '../lock/appLock';
import { setLockConfigured } from '../lock/sealing';

beforeEach(async () => {
  await freshDatabase();
  await updateSettings({ notifications: true });
});

const ME = '@alice:hs';

function event(content: Record<string, unknown>, overrides: Partial<{ sender: string; type: string; ts: number }> = {}) {
  return new MatrixEvent({
    event_id: `$${Math.random()}`,
    room_id: '!r:hs',
    type: overrides.type ?? 'm.room.message',
    sender: overrides.sender ?? '@bob:hs',
    origin_server_ts: overrides.ts ?? Date.now(),
    content,
  });
}

function setup({ members = 3, direct = false, notify = true, highlight = false, pushRules = {} } = {}) {
  const client = {
    getUserId: () => ME,
    getAccountData: () => (direct ? { getContent: () => ({ '@bob:hs': ['!r:hs'] }) } : undefined),
    getPushActionsForEvent: () => ({ notify, tweaks: highlight ? { highlight: true } : {} }),
    pushRules,
  } as unknown as MatrixClient;
  const room = {
    roomId: '!r:hs',
    name: 'Road works',
    getJoinedMemberCount: () => members,
    getMember: (id: string) => (id === '@bob:hs' ? { name: 'Bob' } : null),
  } as unknown as Room;
  return { client, room };
}

describe('which new messages notify', () => {
  it('a direct chat’s message: the sender as title, the text as body', async () => {
    const { client, room } = setup({ direct: true });
    expect(await notificationFor(client, event({ msgtype: 'm.text', body: 'Are you on site?' }), room)).toEqual({
      roomId: '!r:hs',
      title: 'Bob',
      body: 'Are you on site?',
    });
  });

  it('behind the app lock, says only that a message arrived', async () => {
    try {
      await enableAppLock('482916');
      lockNow();
      const { client, room } = setup({ direct: true });
      expect(await notificationFor(client, event({ msgtype: 'm.text', body: 'Are you on site?' }), room)).toEqual({ roomId: '!r:hs', title: 'New message', body: '' });
      await unlockAppLock('482916', async () => undefined);
      expect((await notificationFor(client, event({ msgtype: 'm.text', body: 'Are you on site?' }), room))?.body).toBe('Are you on site?');
    } finally {
      forgetKey();
      setLockConfigured(false);
    }
  }, 30_000);

  it('a group notifies by default only when the user is mentioned', async () => {
    const plain = setup();
    expect(await notificationFor(plain.client, event({ msgtype: 'm.text', body: 'hello all' }), plain.room)).toBeNull();
    const mentioned = setup({ highlight: true });
    expect(await notificationFor(mentioned.client, event({ msgtype: 'm.text', body: 'Alice, see this' }), mentioned.room)).toEqual({
      roomId: '!r:hs',
      title: 'Road works',
      body: 'Bob: Alice, see this',
    });
  });

  it('a group set to "all messages" notifies for every message', async () => {
    const { client, room } = setup({ pushRules: { global: { room: [{ rule_id: '!r:hs', actions: ['notify'], enabled: true }] } } });
    expect(await notificationFor(client, event({ msgtype: 'm.text', body: 'hello all' }), room)).toMatchObject({ body: 'Bob: hello all' });
  });

  it('nothing when the push rules say no (a muted room), for the user’s own messages, edits, old messages, or with notifications off', async () => {
    const muted = setup({ direct: true, notify: false });
    expect(await notificationFor(muted.client, event({ msgtype: 'm.text', body: 'x' }), muted.room)).toBeNull();
    const { client, room } = setup({ direct: true });
    expect(await notificationFor(client, event({ msgtype: 'm.text', body: 'x' }, { sender: ME }), room)).toBeNull();
    const edit = { msgtype: 'm.text', body: '* x', 'm.new_content': { body: 'x' }, 'm.relates_to': { rel_type: 'm.replace', event_id: '$a' } };
    expect(await notificationFor(client, event(edit), room)).toBeNull();
    expect(await notificationFor(client, event({ msgtype: 'm.text', body: 'x' }, { ts: Date.now() - 60 * 60_000 }), room)).toBeNull();
    expect(await notificationFor(client, event({}, { type: 'm.reaction' }), room)).toBeNull();
    await updateSettings({ notifications: false });
    expect(await notificationFor(client, event({ msgtype: 'm.text', body: 'x' }), room)).toBeNull();
  });

  it('says what an attachment is, drops a reply’s quote, shortens a long text', async () => {
    const { client, room } = setup({ direct: true });
    expect((await notificationFor(client, event({ msgtype: 'm.image', body: 'IMG_1.jpg' }), room))?.body).toBe('Photo');
    expect((await notificationFor(client, event({ msgtype: 'm.audio', body: 'voice.ogg' }), room))?.body).toBe('Voice message');
    expect((await notificationFor(client, event({ msgtype: 'm.text', body: '> <@alice:hs> where?\n\nAt the bridge' }), room))?.body).toBe('At the bridge');
    const long = (await notificationFor(client, event({ msgtype: 'm.text', body: 'x'.repeat(500) }), room))!.body;
    expect(long.length).toBe(160);
    expect(long.endsWith('…')).toBe(true);
  });

  it('an encrypted message that cannot be decrypted here says only "New message"', async () => {
    const { client, room } = setup({ direct: true });
    const encrypted = event({ algorithm: 'm.megolm.v1.aes-sha2', ciphertext: 'AAAA', session_id: 's', sender_key: 'k', device_id: 'D' }, { type: 'm.room.encrypted' });
    const shown = notificationFor(client, encrypted, room);
    // The device has no key for it: decryption fails.
    await encrypted.attemptDecryption({ decryptEvent: async () => Promise.reject(new Error('no key')) } as never);
    expect(encrypted.isDecryptionFailure()).toBe(true);
    expect((await shown)?.body).toBe('New message');
  });
});
