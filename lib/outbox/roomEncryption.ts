/**
 * Asks the homeserver whether a room is encrypted now (its `m.room.encryption` state), for a
 * sender without the client's sync: a room may have become encrypted while this device was
 * offline. `unknown` when the homeserver could not say (offline, an error): treat as encrypted.
 */
export async function roomEncryptionOnServer(
  homeserverUrl: string,
  accessToken: string,
  roomId: string,
  fetchFn: typeof fetch = (...args) => fetch(...args),
): Promise<'encrypted' | 'unencrypted' | 'unknown'> {
  const path = `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/state/m.room.encryption/`;
  let res: Response;
  try {
    res = await fetchFn(homeserverUrl + path, { headers: { authorization: `Bearer ${accessToken}` } });
  } catch {
    return 'unknown';
  }
  if (res.ok) return 'encrypted';
  if (res.status !== 404) return 'unknown';
  const body = (await res.json().catch(() => ({}))) as { errcode?: unknown };
  return body.errcode === 'M_NOT_FOUND' ? 'unencrypted' : 'unknown';
}
