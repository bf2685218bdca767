import type { MatrixClient } from 'matrix-js-sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCryptoStatus, updateCryptoStatus } from '../../db/cryptoStatus';
import { freshDatabase } from '../../db/testDatabase';
import { prepareEncryption, recoveryKeySaved, recoveryKeyToShow } from './encryptionSetup';
import { forgetRecoveryKey } from './recoveryKeyInMemory';

/** An account with cross-signing keys on the server; this device holds them or not, is signed or not. */
function fakeClient({ holdsKeys, signed, defaultKey }: { holdsKeys: boolean; signed: boolean; defaultKey: string | null }) {
  const calls: string[] = [];
  let keys = 0;
  const crypto = {
    userHasCrossSigningKeys: async () => true,
    getDeviceVerificationStatus: async () => ({ crossSigningVerified: signed }),
    getCrossSigningStatus: async () => ({ privateKeysCachedLocally: { masterKey: holdsKeys, selfSigningKey: holdsKeys, userSigningKey: holdsKeys } }),
    crossSignDevice: async (deviceId: string) => {
      calls.push(`crossSign ${deviceId}`);
      signed = true;
    },
    createRecoveryKeyFromPassphrase: async () => ({ encodedPrivateKey: `EsTc KEY ${++keys}` }),
    bootstrapSecretStorage: async () => void calls.push('secret storage'),
    getActiveSessionBackupVersion: async () => '1',
    checkKeyBackupAndEnable: async () => null,
  };
  const client = {
    getCrypto: () => crypto,
    getSafeUserId: () => '@me:hs',
    getDeviceId: () => 'DEV',
    secretStorage: { getDefaultKeyId: async () => defaultKey },
  };
  return { client: client as unknown as MatrixClient, calls };
}

beforeEach(async () => {
  forgetRecoveryKey();
  await freshDatabase();
});

describe('prepareEncryption after an interrupted first set-up', () => {
  it('signs the device with the keys it created and sets up the recovery key the user never saw', async () => {
    const { client, calls } = fakeClient({ holdsKeys: true, signed: false, defaultKey: null });
    await prepareEncryption(client);
    expect(calls).toEqual(['crossSign DEV', 'secret storage']);
    expect(await getCryptoStatus()).toMatchObject({ state: 'ready', recoveryKeyPending: true, recoveryKeySaved: false });
    expect(await recoveryKeyToShow(client)).toBe('EsTc KEY 1');
  });

  it('a new device without the keys is asked to verify, as before', async () => {
    const { client, calls } = fakeClient({ holdsKeys: false, signed: false, defaultKey: 'k1' });
    await prepareEncryption(client);
    expect(calls).toEqual([]);
    expect((await getCryptoStatus()).state).toBe('needs-verification');
  });

  it('never replaces an existing recovery key', async () => {
    const { client, calls } = fakeClient({ holdsKeys: true, signed: true, defaultKey: 'k1' });
    await prepareEncryption(client);
    expect(calls).toEqual([]);
    expect(await getCryptoStatus()).toMatchObject({ state: 'ready' });
    expect((await getCryptoStatus()).recoveryKeyPending).toBeFalsy();
    expect(await recoveryKeyToShow(client)).toBeNull();
  });
});

describe('the recovery key is shown, never stored', () => {
  it('is held in memory only, and a tab that no longer holds it makes a new one rather than keep it anywhere', async () => {
    const { client, calls } = fakeClient({ holdsKeys: true, signed: true, defaultKey: null });
    await prepareEncryption(client);
    expect(JSON.stringify(await getCryptoStatus())).not.toContain('EsTc');
    expect(await recoveryKeyToShow(client)).toBe('EsTc KEY 1');
    // A reload before the user saved it: the memory is gone, the old key is replaced (once,
    // however many tabs ask at the same time).
    forgetRecoveryKey();
    const shown = await Promise.all([recoveryKeyToShow(client), recoveryKeyToShow(client)]);
    expect(shown).toEqual(['EsTc KEY 2', 'EsTc KEY 2']);
    expect(calls.filter((c) => c === 'secret storage')).toHaveLength(2);
    recoveryKeySaved();
    await updateCryptoStatus({ recoveryKeySaved: true, recoveryKeyPending: false });
    expect(await recoveryKeyToShow(client)).toBeNull();
  });

  it('moves a key an earlier version stored into memory, and deletes it from the database', async () => {
    const { client, calls } = fakeClient({ holdsKeys: true, signed: true, defaultKey: 'k1' });
    await updateCryptoStatus({ state: 'ready', recoveryKeySaved: false, pendingRecoveryKey: 'EsTc STORED' });
    await prepareEncryption(client);
    const status = await getCryptoStatus();
    expect(status.pendingRecoveryKey).toBeUndefined();
    expect(status.recoveryKeyPending).toBe(true);
    expect(await recoveryKeyToShow(client)).toBe('EsTc STORED');
    expect(calls).toEqual([]);
  });
});
