import type { MatrixClient } from 'matrix-js-sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCryptoStatus } from '../../db/cryptoStatus';
import { freshDatabase } from '../../db/testDatabase';
import { prepareEncryption } from './encryptionSetup';

/** An account with cross-signing keys on the server; this device holds them or not, is signed or not. */
function fakeClient({ holdsKeys, signed, defaultKey }: { holdsKeys: boolean; signed: boolean; defaultKey: string | null }) {
  const calls: string[] = [];
  const crypto = {
    userHasCrossSigningKeys: async () => true,
    getDeviceVerificationStatus: async () => ({ crossSigningVerified: signed }),
    getCrossSigningStatus: async () => ({ privateKeysCachedLocally: { masterKey: holdsKeys, selfSigningKey: holdsKeys, userSigningKey: holdsKeys } }),
    crossSignDevice: async (deviceId: string) => {
      calls.push(`crossSign ${deviceId}`);
      signed = true;
    },
    createRecoveryKeyFromPassphrase: async () => ({ encodedPrivateKey: 'EsTc NEW KEY' }),
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

beforeEach(freshDatabase);

describe('prepareEncryption after an interrupted first set-up', () => {
  it('signs the device with the keys it created and sets up the recovery key the user never saw', async () => {
    const { client, calls } = fakeClient({ holdsKeys: true, signed: false, defaultKey: null });
    await prepareEncryption(client);
    expect(calls).toEqual(['crossSign DEV', 'secret storage']);
    expect(await getCryptoStatus()).toMatchObject({ state: 'ready', pendingRecoveryKey: 'EsTc NEW KEY', recoveryKeySaved: false });
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
    expect((await getCryptoStatus()).pendingRecoveryKey).toBeUndefined();
  });
});
