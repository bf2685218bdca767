// Secret-storage (4S) private keys this page knows, in memory only: the recovery key a user
// typed, or the one just created. matrix-js-sdk asks for them through its crypto callbacks.
import type { SecretStorage } from 'matrix-js-sdk';

const known = new Map<string, Uint8Array<ArrayBuffer>>();
let typedKey: Uint8Array<ArrayBuffer> | null = null;

/** A key the user typed, tried against whichever key id the account's secret storage uses. */
export function offerRecoveryKey(privateKey: Uint8Array<ArrayBuffer>): void {
  typedKey = privateKey;
}

export function forgetSecretStorageKeys(): void {
  known.clear();
  typedKey = null;
}

export const secretStorageCallbacks = {
  async getSecretStorageKey({ keys }: { keys: Record<string, SecretStorage.SecretStorageKeyDescription> }): Promise<[string, Uint8Array<ArrayBuffer>] | null> {
    for (const id of Object.keys(keys)) {
      const key = known.get(id);
      if (key) return [id, key];
    }
    const first = Object.keys(keys)[0];
    return typedKey && first ? [first, typedKey] : null;
  },
  cacheSecretStorageKey(keyId: string, _info: SecretStorage.SecretStorageKeyDescription, key: Uint8Array<ArrayBuffer>): void {
    known.set(keyId, key);
  },
};
