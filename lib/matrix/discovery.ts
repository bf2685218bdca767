import { LoginError } from './errors';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/**
 * Turns what the user typed into an origin: a URL is taken as it is; a bare name
 * (`example.lu`) means https, except loopback, where a local test server speaks http.
 */
export function originOf(input: string): { origin: string; isServerName: boolean } {
  const text = input.trim();
  const hasScheme = /^https?:\/\//i.test(text);
  if (!hasScheme && !/^[a-z0-9.\-[\]:]+$/i.test(text)) throw new LoginError('invalidHomeserver');
  const scheme = LOOPBACK.test(text) ? 'http://' : 'https://';
  let url: URL;
  try {
    url = new URL(hasScheme ? text : scheme + text);
  } catch {
    throw new LoginError('invalidHomeserver');
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin + path, isServerName: !hasScheme };
}

async function getJson(url: string, timeoutMs: number): Promise<{ ok: boolean; json: unknown }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // not JSON: the caller decides what that means
  }
  return { ok: res.ok, json };
}

/** The client-server base URL a server name delegates to in .well-known, if it does. */
async function wellKnownBaseUrl(origin: string): Promise<string | null> {
  try {
    const { ok, json } = await getJson(`${origin}/.well-known/matrix/client`, 8_000);
    const baseUrl = ok ? (json as { 'm.homeserver'?: { base_url?: unknown } } | null)?.['m.homeserver']?.base_url : null;
    return typeof baseUrl === 'string' && /^https?:\/\//i.test(baseUrl) ? baseUrl.replace(/\/+$/, '') : null;
  } catch {
    return null; // no delegation: the name itself is tried as the homeserver
  }
}

/**
 * Resolves what the user typed to a homeserver base URL that answers the Matrix
 * client-server API, or throws a LoginError saying why not.
 */
export async function resolveHomeserver(input: string): Promise<string> {
  const { origin, isServerName } = originOf(input);
  const baseUrl = (isServerName && (await wellKnownBaseUrl(origin))) || origin;
  let answer: { ok: boolean; json: unknown };
  try {
    answer = await getJson(`${baseUrl}/_matrix/client/versions`, 10_000);
  } catch {
    throw new LoginError('unreachable');
  }
  const versions = (answer.json as { versions?: unknown } | null)?.versions;
  if (!answer.ok || !Array.isArray(versions)) throw new LoginError('notMatrix');
  return baseUrl;
}
