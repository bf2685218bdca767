import { randomBytes } from 'node:crypto';
import { registerUser, startSynapse, type Homeserver } from '../scripts/synapse.mjs';
import { ApiUser } from './matrixApi';
import { HOMESERVER_URL } from './ports';

export const SHARED_SECRET = 'luxchat-local-shared-secret';

export interface TestUser {
  username: string;
  password: string;
  userId: string;
  accessToken: string;
}

/** A new user on the test Synapse, unique to the calling test. */
export async function newUser(name: string, admin = false): Promise<TestUser & { api: ApiUser }> {
  const username = `${name}-${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const { userId, accessToken } = await registerUser(HOMESERVER_URL, SHARED_SECRET, username, password, admin);
  return { username, password, userId, accessToken, api: new ApiUser(HOMESERVER_URL, userId, accessToken) };
}

/**
 * A Synapse of the test's own, for tests that stop and restart the homeserver without
 * disturbing the others. Each gets a fresh database and its own port.
 */
export async function ownHomeserver(
  name: string,
  port: number,
  options: { messageRate?: { perSecond: number; burst: number }; refreshableTokenLifetime?: string; extraConfig?: string } = {},
) {
  let current: Homeserver = await startSynapse({ name, port, fresh: true, ...options });
  const hs = current;
  const users = {
    async create(prefix: string) {
      const password = `pw-${randomBytes(6).toString('hex')}`;
      const username = `${prefix}-${randomBytes(3).toString('hex')}`;
      const r = await hs.registerUser(username, password);
      return { username, password, userId: r.userId, accessToken: r.accessToken, api: new ApiUser(hs.baseUrl, r.userId, r.accessToken) };
    },
  };
  return {
    baseUrl: hs.baseUrl,
    users,
    stop: () => current.stop(),
    kill: () => current.kill(),
    /** Starts it again on the same database, as after an outage. */
    restart: async () => {
      current = await startSynapse({ name, port, fresh: false, ...options });
    },
    dispose: () => current.stop(),
  };
}
