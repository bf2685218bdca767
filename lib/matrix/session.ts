import { unsealDb } from '../db/database';
import { renewSession, saveSession, type SessionTokens } from '../db/session';
import type { SessionRow } from '../db/types';
import { rememberLoginPassword } from './crypto/loginSecret';
import { resolveHomeserver } from './discovery';
import { LoginError } from './errors';

export interface Credentials {
  homeserver: string;
  username: string;
  password: string;
}

interface MatrixLikeError {
  name?: string;
  httpStatus?: number;
  errcode?: string;
  data?: { retry_after_ms?: unknown };
}

function loginErrorFrom(error: unknown): LoginError {
  const e = (error ?? {}) as MatrixLikeError;
  if (e.errcode === 'M_FORBIDDEN') return new LoginError('wrongPassword');
  if (e.errcode === 'M_USER_DEACTIVATED') return new LoginError('deactivated');
  if (e.errcode === 'M_LIMIT_EXCEEDED' || e.httpStatus === 429) {
    const ms = typeof e.data?.retry_after_ms === 'number' ? e.data.retry_after_ms : 5_000;
    return new LoginError('rateLimited', Math.ceil(ms / 1000));
  }
  if (e.name === 'ConnectionError') return new LoginError('unreachable');
  return new LoginError('serverError');
}

/**
 * One password login request; its failures become LoginErrors. The SDK is imported here, on
 * submit, so the login screen itself loads neither matrix-js-sdk nor the crypto WASM.
 */
async function passwordLogin(baseUrl: string, user: string, password: string, device: { device_id: string } | { initial_device_display_name: string }) {
  const { createClient } = await import('matrix-js-sdk');
  const client = createClient({ baseUrl });
  try {
    // Refresh tokens where the homeserver issues them: short-lived access tokens, renewed by the
    // syncing tab (tokenRefresh.ts).
    return await client.loginRequest({ type: 'm.login.password', identifier: { type: 'm.id.user', user }, password, refresh_token: true, ...device });
  } catch (error) {
    throw loginErrorFrom(error);
  } finally {
    client.stopClient();
  }
}

/** Password login; the new session row in Dexie is what signs the app in. */
export async function login({ homeserver, username, password }: Credentials): Promise<SessionRow> {
  if (!homeserver.trim() || !username.trim() || !password) throw new LoginError('emptyFields');
  const baseUrl = await resolveHomeserver(homeserver);
  const response = await passwordLogin(baseUrl, username.trim(), password, { initial_device_display_name: DEVICE_NAME });
  const session = await startSession(baseUrl, response);
  // A first device may need it once to set up cross-signing; it is never stored.
  rememberLoginPassword(password);
  return session;
}

/**
 * Single sign-on's last step: the login token the homeserver handed back after the identity
 * provider (m.login.token). A refused token (expired, used) is a failed sign-on, not a wrong password.
 */
export async function tokenLogin(baseUrl: string, token: string): Promise<SessionRow> {
  const { createClient } = await import('matrix-js-sdk');
  const client = createClient({ baseUrl });
  let response: LoginResponse;
  try {
    response = await client.loginRequest({ type: 'm.login.token', token, refresh_token: true, initial_device_display_name: DEVICE_NAME });
  } catch (error) {
    const refused = loginErrorFrom(error);
    throw refused.code === 'wrongPassword' ? new LoginError('ssoFailed') : refused;
  } finally {
    client.stopClient();
  }
  return startSession(baseUrl, response);
}

const DEVICE_NAME = 'Luxchat Web';

type LoginResponse = Awaited<ReturnType<typeof passwordLogin>>;

/** The homeserver's answer to a login, as the session row in Dexie that signs the app in. */
async function startSession(baseUrl: string, response: LoginResponse): Promise<SessionRow> {
  const session: SessionRow = {
    id: 'current',
    homeserverUrl: response.well_known?.['m.homeserver']?.base_url?.replace(/\/+$/, '') || baseUrl,
    userId: response.user_id,
    deviceId: response.device_id,
    ...tokensOf(response),
  };
  unsealDb();
  await saveSession(session);
  return session;
}

/**
 * Signs in again after the homeserver ended the session with `soft_logout`: the same device,
 * so its encryption keys, the local history and the outbox stay as they are.
 */
export async function resumeSession(session: SessionRow, password: string): Promise<void> {
  if (!password) throw new LoginError('emptyFields');
  const response = await passwordLogin(session.homeserverUrl, session.userId, password, { device_id: session.deviceId });
  if (response.device_id !== session.deviceId || response.user_id !== session.userId) throw new LoginError('serverError');
  await renewSession(tokensOf(response));
}

function tokensOf(response: { access_token: string; refresh_token?: string; expires_in_ms?: number }): SessionTokens {
  return {
    accessToken: response.access_token,
    ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}),
    ...(typeof response.expires_in_ms === 'number' ? { accessTokenExpiresAt: Date.now() + response.expires_in_ms } : {}),
  };
}

/** Invalidates the access token on the homeserver; a failure here must not block the wipe. */
export async function serverLogout(session: SessionRow): Promise<void> {
  const { createClient } = await import('matrix-js-sdk');
  const client = createClient({
    baseUrl: session.homeserverUrl,
    accessToken: session.accessToken,
    userId: session.userId,
    deviceId: session.deviceId,
  });
  try {
    await Promise.race([client.logout(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 8_000))]);
  } finally {
    client.stopClient();
  }
}
