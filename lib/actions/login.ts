import { login as sessionLogin, tokenLogin, type Credentials } from '../matrix/session';
import { endSso } from '../matrix/sso/ssoRoundTrip';

/** Signs in; the new session row in Dexie switches the UI to the chat screen. */
export async function login(credentials: Credentials): Promise<void> {
  await sessionLogin(credentials);
}

/** Completes single sign-on on its return page (`search`: that page's query). */
export async function completeSso(search: string): Promise<void> {
  const { baseUrl, loginToken } = endSso(search);
  await tokenLogin(baseUrl, loginToken);
}
