import { login as sessionLogin, type Credentials } from '../matrix/session';

/** Signs in; the new session row in Dexie switches the UI to the chat screen. */
export async function login(credentials: Credentials): Promise<void> {
  await sessionLogin(credentials);
}
