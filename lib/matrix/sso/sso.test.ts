import { describe, expect, it } from 'vitest';
import { parseLoginFlows } from './loginFlows';
import { beginSso, endSso, ssoRedirectUrl } from './ssoRoundTrip';

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
const storage = () => new MemoryStorage() as unknown as Storage;

describe('parseLoginFlows', () => {
  it('reads password and each listed identity provider, with its icon when it is an mxc URI', () => {
    const flows = parseLoginFlows({
      flows: [
        { type: 'm.login.sso', identity_providers: [{ id: 'luxid', name: 'LuxID', icon: 'mxc://hs/abc' }, { id: 'other', name: 'Other', icon: 'https://evil/x.png' }] },
        { type: 'm.login.token' },
        { type: 'm.login.password' },
      ],
    });
    expect(flows).toEqual({ password: true, sso: [{ id: 'luxid', name: 'LuxID', icon: 'mxc://hs/abc' }, { id: 'other', name: 'Other' }] });
  });

  it("offers the homeserver's own choice page when it lists no providers, and nothing when it offers no SSO", () => {
    expect(parseLoginFlows({ flows: [{ type: 'm.login.sso' }] })).toEqual({ password: false, sso: [{ name: '' }] });
    expect(parseLoginFlows({ flows: [{ type: 'm.login.password' }] })).toEqual({ password: true, sso: [] });
  });

  it('leaves out what is malformed', () => {
    expect(parseLoginFlows(null)).toEqual({ password: false, sso: [] });
    expect(parseLoginFlows({ flows: 'x' })).toEqual({ password: false, sso: [] });
    const flows = parseLoginFlows({ flows: [null, { type: 'm.login.sso', identity_providers: [null, { id: 3, name: 'x' }, { id: 'a', name: '  ' }, { id: 'b', name: 'B' }] }] });
    expect(flows.sso).toEqual([{ id: 'b', name: 'B' }]);
  });
});

describe('the single sign-on round trip', () => {
  const base = 'https://matrix.example.lu';

  it('goes to the named provider, coming back to the return page with a state', () => {
    const url = new URL(beginSso(base, { id: 'lux id', name: 'LuxID' }, 'https://app.example.lu', 'fr', storage()));
    expect(url.origin + url.pathname).toBe(`${base}/_matrix/client/v3/login/sso/redirect/lux%20id`);
    const back = new URL(url.searchParams.get('redirectUrl')!);
    expect(back.origin + back.pathname).toBe('https://app.example.lu/fr/sso/');
    expect(back.searchParams.get('state')).toMatch(/^[0-9a-f]{32}$/);
    expect(ssoRedirectUrl(base, { name: '' }, 'https://a/')).toBe(`${base}/_matrix/client/v3/login/sso/redirect?redirectUrl=https%3A%2F%2Fa%2F`);
  });

  it("accepts the login token only with this tab's state, once, and not when too old", () => {
    const s = storage();
    const state = new URL(new URL(beginSso(base, { id: 'x', name: 'X' }, 'https://app', 'en', s)).searchParams.get('redirectUrl')!).searchParams.get('state')!;
    expect(() => endSso(`?state=wrong&loginToken=t`, s)).toThrow('ssoFailed');
    // The note is used up by a failed attempt too: a second try must start again.
    expect(() => endSso(`?state=${state}&loginToken=t`, s)).toThrow('ssoFailed');

    const t = storage();
    const fresh = new URL(new URL(beginSso(base, { id: 'x', name: 'X' }, 'https://app', 'en', t)).searchParams.get('redirectUrl')!).searchParams.get('state')!;
    expect(endSso(`?state=${fresh}&loginToken=tok`, t)).toEqual({ baseUrl: base, loginToken: 'tok' });
    expect(() => endSso(`?state=${fresh}&loginToken=tok`, t)).toThrow('ssoFailed');

    const u = storage();
    const old = new URL(new URL(beginSso(base, { id: 'x', name: 'X' }, 'https://app', 'en', u)).searchParams.get('redirectUrl')!).searchParams.get('state')!;
    expect(() => endSso(`?state=${old}&loginToken=tok`, u, Date.now() + 16 * 60_000)).toThrow('ssoFailed');
  });

  it('refuses a return without a login token', () => {
    const s = storage();
    const state = new URL(new URL(beginSso(base, { id: 'x', name: 'X' }, 'https://app', 'en', s)).searchParams.get('redirectUrl')!).searchParams.get('state')!;
    expect(() => endSso(`?state=${state}`, s)).toThrow('ssoFailed');
  });
});
