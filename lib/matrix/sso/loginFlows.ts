import { LoginError } from '../errors';
import { resolveHomeserver } from '../discovery';

/** One way into the account through single sign-on, as the homeserver lists it. */
export interface SsoProvider {
  /** Absent: the homeserver's own choice page (it lists no providers). */
  id?: string;
  name: string;
  /** An mxc:// URI. */
  icon?: string;
}

/** How a homeserver lets users sign in, as far as this app can use it. */
export interface LoginFlows {
  baseUrl: string;
  password: boolean;
  sso: SsoProvider[];
}

const MXC = /^mxc:\/\/[^/]+\/[^/]+$/;

/** The login flows of `GET /login`; anything malformed is left out, never trusted. */
export function parseLoginFlows(json: unknown): Omit<LoginFlows, 'baseUrl'> {
  const flows = Array.isArray((json as { flows?: unknown } | null)?.flows) ? ((json as { flows: unknown[] }).flows) : [];
  const types = flows.map((f) => (f as { type?: unknown } | null)?.type);
  const sso = flows.find((f) => (f as { type?: unknown } | null)?.type === 'm.login.sso') as { identity_providers?: unknown } | undefined;
  let providers: SsoProvider[] = [];
  if (sso) {
    const listed = Array.isArray(sso.identity_providers) ? sso.identity_providers : [];
    providers = listed.flatMap((p): SsoProvider[] => {
      const { id, name, icon } = (p ?? {}) as { id?: unknown; name?: unknown; icon?: unknown };
      if (typeof id !== 'string' || !id || typeof name !== 'string' || !name.trim()) return [];
      return [{ id, name: name.trim().slice(0, 64), ...(typeof icon === 'string' && MXC.test(icon) ? { icon } : {}) }];
    });
    if (!providers.length) providers = [{ name: '' }];
  }
  return { password: types.includes('m.login.password'), sso: providers };
}

/** What the homeserver the user typed offers: password, single sign-on, or both. */
export async function loginFlows(homeserver: string): Promise<LoginFlows> {
  const baseUrl = await resolveHomeserver(homeserver);
  let json: unknown;
  try {
    const res = await fetch(`${baseUrl}/_matrix/client/v3/login`, { signal: AbortSignal.timeout(10_000), headers: { accept: 'application/json' } });
    if (!res.ok) throw new LoginError('serverError');
    json = await res.json();
  } catch (error) {
    throw error instanceof LoginError ? error : new LoginError('unreachable');
  }
  return { baseUrl, ...parseLoginFlows(json) };
}

/**
 * A provider's icon as a blob: URL (the page's CSP lets images come from the app alone), through
 * the homeserver's unauthenticated thumbnail, the only kind a signed-out page can ask for. Null
 * where the homeserver no longer serves that: the button then shows the name alone.
 */
export async function ssoIconUrl(baseUrl: string, mxc: string): Promise<string | null> {
  const [server, id] = mxc.slice('mxc://'.length).split('/');
  try {
    const res = await fetch(
      `${baseUrl}/_matrix/media/v3/thumbnail/${encodeURIComponent(server)}/${encodeURIComponent(id)}?width=48&height=48&method=scale`,
      { signal: AbortSignal.timeout(10_000) },
    );
    const blob = res.ok ? await res.blob() : null;
    return blob && blob.type.startsWith('image/') ? URL.createObjectURL(blob) : null;
  } catch {
    return null;
  }
}
