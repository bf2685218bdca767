import { randomBytes } from 'node:crypto';
import { registerUser } from '../scripts/synapse.mjs';
import { HOMESERVER_URL } from './ports';

export const SHARED_SECRET = 'luxchat-local-shared-secret';

export interface TestUser {
  username: string;
  password: string;
  userId: string;
  accessToken: string;
}

/** A new user on the test Synapse, unique to the calling test. */
export async function newUser(name: string): Promise<TestUser> {
  const username = `${name}-${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const { userId, accessToken } = await registerUser(HOMESERVER_URL, SHARED_SECRET, username, password);
  return { username, password, userId, accessToken };
}
