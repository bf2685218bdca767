import { RoomStateEvent, type MatrixClient, type RoomMember } from 'matrix-js-sdk';
import { CryptoEvent, type UserVerificationStatus } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { storeUserTrust } from '../../db/userTrust';

/**
 * Keeps Dexie's userTrust table (shown in member lists) in step with the crypto: on trust
 * changes, and for members as they become known. Returns the stop.
 */
export function watchUserTrust(client: MatrixClient): () => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = async () => {
    timer = null;
    const crypto = client.getCrypto();
    if (!crypto) return;
    const users = [...pending];
    pending.clear();
    const rows = [];
    for (const userId of users) {
      const status = await crypto.getUserVerificationStatus(userId);
      rows.push({ userId, verified: status.isCrossSigningVerified() });
    }
    await storeUserTrust(rows);
  };
  const queue = (userId: string) => {
    pending.add(userId);
    timer ??= setTimeout(() => void flush().catch(() => undefined), 200);
  };
  const onMember = (_event: unknown, _state: unknown, member: RoomMember) => queue(member.userId);
  const onTrust = (userId: string, status: UserVerificationStatus) =>
    void storeUserTrust([{ userId, verified: status.isCrossSigningVerified() }]);
  client.on(RoomStateEvent.Members, onMember);
  client.on(CryptoEvent.UserTrustStatusChanged, onTrust);
  return () => {
    client.off(RoomStateEvent.Members, onMember);
    client.off(CryptoEvent.UserTrustStatusChanged, onTrust);
    if (timer) clearTimeout(timer);
  };
}
