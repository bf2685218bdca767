import type { WrappedKey } from './keys';

/**
 * Unlocking with the device's own authenticator (fingerprint, face, device PIN): a platform
 * passkey with WebAuthn's PRF extension gives 32 secret bytes for a salt of ours; HKDF turns them
 * into a key that wraps the same data key as the PIN does. Nothing of it is stored in the clear
 * but the credential's id and the salts.
 */
export interface PasskeyUnlock {
  credentialId: Uint8Array;
  /** The PRF's input. */
  prfSalt: Uint8Array;
  /** The data key wrapped under the PRF's output (`salt` and `iterations` unused). */
  key: Pick<WrappedKey, 'iv' | 'wrapped'>;
}

interface PrfOutputs {
  prf?: { enabled?: boolean; results?: { first?: BufferSource } };
}

/** Whether this device has a platform authenticator that could unlock the app. */
export async function passkeyAvailable(): Promise<boolean> {
  if (typeof PublicKeyCredential === 'undefined' || !window.isSecureContext) return false;
  try {
    return await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable();
  } catch {
    return false;
  }
}

async function wrappingKey(prfOutput: BufferSource): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', prfOutput, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: new TextEncoder().encode('luxchat app lock') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function toBytes(source: BufferSource): Uint8Array {
  return source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
}

/** The PRF output of `credentialId` for `prfSalt` (the user verifies with the device). */
async function prfOutput(credentialId: Uint8Array, prfSalt: Uint8Array): Promise<Uint8Array | null> {
  const assertion = (await navigator.credentials.get({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      allowCredentials: [{ type: 'public-key', id: credentialId as BufferSource }],
      userVerification: 'required',
      extensions: { prf: { eval: { first: prfSalt as BufferSource } } } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  const first = (assertion?.getClientExtensionResults() as PrfOutputs | undefined)?.prf?.results?.first;
  return first ? toBytes(first) : null;
}

/**
 * Registers a platform passkey for this app and wraps `dataKey` under its PRF output. Null when
 * the authenticator does not offer PRF (the PIN then stays the only way in).
 */
export async function enrolPasskey(dataKey: Uint8Array, user: { id: string; name: string }): Promise<PasskeyUnlock | null> {
  const prfSalt = crypto.getRandomValues(new Uint8Array(32));
  const created = (await navigator.credentials.create({
    publicKey: {
      rp: { name: 'Luxchat' },
      user: { id: new TextEncoder().encode(user.id).slice(0, 64), name: user.name, displayName: user.name },
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required', residentKey: 'discouraged' },
      extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
    },
  })) as PublicKeyCredential | null;
  if (!created) return null;
  const results = created.getClientExtensionResults() as PrfOutputs;
  if (!results.prf?.enabled && !results.prf?.results?.first) return null;
  const credentialId = new Uint8Array(created.rawId);
  // Some authenticators answer the PRF only when asked to sign in, not at creation.
  const output = results.prf.results?.first ? toBytes(results.prf.results.first) : await prfOutput(credentialId, prfSalt);
  if (!output) return null;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await wrappingKey(output as BufferSource), dataKey as BufferSource));
  return { credentialId, prfSalt, key: { iv, wrapped } };
}

/** The data key, through the device's authenticator; null if it refused or gave another secret. */
export async function unwrapWithPasskey(passkey: PasskeyUnlock): Promise<Uint8Array | null> {
  try {
    const output = await prfOutput(passkey.credentialId, passkey.prfSalt);
    if (!output) return null;
    const key = await wrappingKey(output as BufferSource);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: passkey.key.iv as BufferSource }, key, passkey.key.wrapped as BufferSource));
  } catch {
    return null;
  }
}
