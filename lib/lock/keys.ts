import type { RowCipher } from './sealing';

/**
 * The app lock's keys. A random data key seals the rows; it is stored only wrapped (AES-GCM,
 * WebCrypto) under a key derived from the PIN or passphrase with PBKDF2-SHA-256, at OWASP's
 * 2023 count. Unwrapping is also how a PIN is checked: a wrong one fails GCM's authentication.
 */
export const PBKDF2_ITERATIONS = 600_000;

export interface WrappedKey {
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  wrapped: Uint8Array;
}

async function wrappingKey(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A new data key, and it wrapped under `secret`. */
export async function newDataKey(secret: string, iterations = PBKDF2_ITERATIONS): Promise<{ raw: Uint8Array; stored: WrappedKey }> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await wrappingKey(secret, salt, iterations);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, raw as BufferSource));
  return { raw, stored: { salt, iterations, iv, wrapped } };
}

/** The data key, or null when `secret` is not the one it was wrapped under. */
export async function unwrapDataKey(secret: string, stored: WrappedKey): Promise<Uint8Array | null> {
  const key = await wrappingKey(secret, stored.salt, stored.iterations);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv as BufferSource }, key, stored.wrapped as BufferSource));
  } catch {
    return null;
  }
}

/** The rows' cipher under a data key: AES-256-GCM, a random 96-bit nonce per row, before the ciphertext. */
export async function rowCipher(raw: Uint8Array): Promise<RowCipher> {
  const { gcm } = await import('@noble/ciphers/aes.js');
  const key = raw.slice();
  return {
    seal(plain) {
      const nonce = crypto.getRandomValues(new Uint8Array(12));
      const sealed = gcm(key, nonce).encrypt(plain);
      const out = new Uint8Array(12 + sealed.length);
      out.set(nonce);
      out.set(sealed, 12);
      return out;
    },
    open(sealed) {
      return gcm(key, sealed.subarray(0, 12)).decrypt(sealed.subarray(12));
    },
  };
}
