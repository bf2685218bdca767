import type { MatrixClient } from 'matrix-js-sdk';
import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { getCryptoStatus, updateCryptoStatus as updateStatus } from '../../db/cryptoStatus';
import type { EncryptionState } from '../../db/types';
import { takeLoginPassword } from './loginSecret';
import { forgetRecoveryKey, heldRecoveryKey, holdRecoveryKey } from './recoveryKeyInMemory';
import { offerRecoveryKey } from './secretStorageKeys';

function cryptoOf(client: MatrixClient) {
  const crypto = client.getCrypto();
  if (!crypto) throw new Error('crypto not initialised');
  return crypto;
}

/** Where this device stands: first device of the account, unverified new device, or ready. */
export async function currentEncryptionState(client: MatrixClient): Promise<EncryptionState> {
  const crypto = cryptoOf(client);
  const userId = client.getSafeUserId();
  if (!(await crypto.userHasCrossSigningKeys(userId, true))) return 'needs-setup';
  const status = await crypto.getDeviceVerificationStatus(userId, client.getDeviceId() ?? '');
  return status?.crossSigningVerified ? 'ready' : 'needs-verification';
}

/**
 * The account's first device: creates cross-signing keys, secret storage with a new recovery
 * key, and a key backup. The recovery key waits in the store until the user has saved it.
 */
export async function setUpEncryption(client: MatrixClient): Promise<void> {
  const crypto = cryptoOf(client);
  const password = takeLoginPassword();
  await crypto.bootstrapCrossSigning({
    authUploadDeviceSigningKeys: async (makeRequest) => {
      try {
        // Homeservers let the first upload through without re-authentication (MSC3967).
        await makeRequest(null);
      } catch (error) {
        const session = (error as { data?: { session?: string } }).data?.session;
        if (!password || !session) throw error;
        await makeRequest({ type: 'm.login.password', identifier: { type: 'm.id.user', user: client.getSafeUserId() }, password, session });
      }
    },
  });
  await setUpRecovery(client, { state: 'ready' });
}

/**
 * Secret storage under a new recovery key, and a key backup; the key waits in memory until the
 * user saved it. The old key, if any, stops working.
 */
async function setUpRecovery(client: MatrixClient, extra: { state?: EncryptionState } = {}): Promise<void> {
  const crypto = cryptoOf(client);
  const recoveryKey = await crypto.createRecoveryKeyFromPassphrase();
  await crypto.bootstrapSecretStorage({
    createSecretStorageKey: async () => recoveryKey,
    setupNewSecretStorage: true,
    setupNewKeyBackup: true,
  });
  holdRecoveryKey(recoveryKey.encodedPrivateKey ?? '');
  await updateStatus({
    ...extra,
    recoveryKeySaved: false,
    recoveryKeyPending: true,
    pendingRecoveryKey: undefined,
    backupVersion: await crypto.getActiveSessionBackupVersion(),
  });
}

let makingKey: Promise<string | null> | null = null;

/**
 * The recovery key to show: the one held since it was made, or, if this tab was not the one
 * that made it (a reload, another tab syncing since), a new one: an unsaved key is never kept.
 * Null when no key waits.
 */
export async function recoveryKeyToShow(client: MatrixClient): Promise<string | null> {
  const held = heldRecoveryKey();
  if (held) return held;
  if (!(await getCryptoStatus()).recoveryKeyPending) return null;
  makingKey ??= setUpRecovery(client)
    .then(() => heldRecoveryKey())
    .finally(() => (makingKey = null));
  return makingKey;
}

/** The user saved the key: it goes from memory too. */
export function recoveryKeySaved(): void {
  forgetRecoveryKey();
}

/** This device holds the account's cross-signing private keys: it created them. */
async function holdsCrossSigningKeys(client: MatrixClient): Promise<boolean> {
  const { privateKeysCachedLocally: keys } = await cryptoOf(client).getCrossSigningStatus();
  return keys.masterKey && keys.selfSigningKey && keys.userSigningKey;
}

/**
 * The account's first device whose set-up was cut short (the app closed, the homeserver gone)
 * finishes it at the next start: it signs itself with the keys it created, and creates the
 * recovery key if the account has no secret storage yet, instead of asking the user to verify
 * with a recovery key they never saw. Returns the state after.
 */
async function resumeSetUp(client: MatrixClient, state: EncryptionState): Promise<EncryptionState> {
  if (state === 'needs-setup' || !(await holdsCrossSigningKeys(client))) return state;
  if (state === 'needs-verification') {
    await cryptoOf(client).crossSignDevice(client.getDeviceId() ?? '');
    state = await currentEncryptionState(client);
  }
  // Only where there is no secret storage at all: a default key means a recovery key exists.
  if (state === 'ready' && !(await client.secretStorage.getDefaultKeyId())) await setUpRecovery(client, { state: 'ready' });
  return state;
}

/** Replaces the recovery key (and secret storage); the old key stops working. */
export async function resetRecoveryKey(client: MatrixClient): Promise<void> {
  await setUpRecovery(client);
}

export class WrongRecoveryKey extends Error {
  constructor() {
    super('wrong recovery key');
    this.name = 'WrongRecoveryKey';
  }
}

/**
 * A new device verifies itself with the recovery key: it unlocks secret storage, takes the
 * cross-signing keys from it (signing this device) and the backup key, then restores the
 * backup so earlier messages decrypt.
 */
export async function verifyWithRecoveryKey(client: MatrixClient, recoveryKey: string): Promise<void> {
  const crypto = cryptoOf(client);
  let privateKey: Uint8Array<ArrayBuffer>;
  try {
    privateKey = decodeRecoveryKey(recoveryKey.trim());
  } catch {
    throw new WrongRecoveryKey();
  }
  const keyId = await client.secretStorage.getDefaultKeyId();
  const keyInfo = keyId ? (await client.secretStorage.getKey(keyId))?.[1] : undefined;
  if (!keyId || !keyInfo || !(await client.secretStorage.checkKey(privateKey, keyInfo))) throw new WrongRecoveryKey();
  offerRecoveryKey(privateKey);
  await crypto.bootstrapCrossSigning({});
  await restoreHistory(client);
  await updateStatus({ state: 'ready', recoveryKeySaved: true });
}

/**
 * Downloads the key backup into this device, once it has the backup key (from secret storage,
 * or sent by another device after verification), so earlier messages decrypt.
 */
export async function restoreHistory(client: MatrixClient): Promise<boolean> {
  const crypto = cryptoOf(client);
  if (!(await crypto.getSessionBackupPrivateKey())) {
    try {
      await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
    } catch {
      return false; // secret storage locked to us: the backup key must come from another device
    }
  }
  const check = await crypto.checkKeyBackupAndEnable();
  if (!check?.backupInfo) return false;
  await crypto.restoreKeyBackup();
  await updateStatus({ backupVersion: await crypto.getActiveSessionBackupVersion() });
  return true;
}

/** After a verification by another device: wait (bounded) for its secrets, then restore. */
export async function completeAfterVerification(client: MatrixClient): Promise<void> {
  const crypto = cryptoOf(client);
  await updateStatus({ state: 'ready', recoveryKeySaved: true });
  for (let i = 0; i < 60; i++) {
    if (await crypto.getSessionBackupPrivateKey()) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await restoreHistory(client);
}

/** Checks this device's encryption at start and sets it up when it is the account's first. */
export async function prepareEncryption(client: MatrixClient): Promise<void> {
  await moveStoredRecoveryKeyToMemory();
  const state = await resumeSetUp(client, await currentEncryptionState(client));
  if (state === 'needs-setup') {
    await updateStatus({ state: 'needs-setup' });
    await setUpEncryption(client);
    return;
  }
  await updateStatus({ state });
  if (state === 'ready') {
    // A verified device keeps uploading its room keys to the backup.
    const crypto = cryptoOf(client);
    await crypto.checkKeyBackupAndEnable();
    await updateStatus({ backupVersion: await crypto.getActiveSessionBackupVersion() });
  }
}

/** Earlier versions kept an unsaved recovery key in the database: held in memory now, and deleted there. */
async function moveStoredRecoveryKeyToMemory(): Promise<void> {
  const stored = (await getCryptoStatus()).pendingRecoveryKey;
  if (!stored) return;
  holdRecoveryKey(stored);
  await updateStatus({ pendingRecoveryKey: undefined, recoveryKeyPending: true });
}
