import { afterEach, describe, expect, it, vi } from 'vitest';
import { originOf, resolveHomeserver } from './discovery';

afterEach(() => vi.unstubAllGlobals());

function serve(routes: Record<string, { status?: number; json?: unknown; fail?: boolean }>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const route = routes[url];
    if (!route || route.fail) throw new TypeError('Failed to fetch');
    return new Response(route.json === undefined ? 'not json' : JSON.stringify(route.json), { status: route.status ?? 200 });
  });
}

describe('originOf', () => {
  it('takes a URL as it is, a server name as https, loopback as http', () => {
    expect(originOf('https://matrix.example.lu/')).toEqual({ origin: 'https://matrix.example.lu', isServerName: false });
    expect(originOf(' luxchat.lu ')).toEqual({ origin: 'https://luxchat.lu', isServerName: true });
    expect(originOf('127.0.0.1:8008')).toEqual({ origin: 'http://127.0.0.1:8008', isServerName: true });
  });
  it('refuses what is no address', () => {
    expect(() => originOf('not a server')).toThrow('invalidHomeserver');
    expect(() => originOf('https://')).toThrow('invalidHomeserver');
  });
});

describe('resolveHomeserver', () => {
  it('follows .well-known for a server name', async () => {
    serve({
      'https://luxchat.lu/.well-known/matrix/client': { json: { 'm.homeserver': { base_url: 'https://matrix.luxchat.lu/' } } },
      'https://matrix.luxchat.lu/_matrix/client/versions': { json: { versions: ['v1.11'] } },
    });
    await expect(resolveHomeserver('luxchat.lu')).resolves.toBe('https://matrix.luxchat.lu');
  });
  it('says unreachable when nothing answers, and not Matrix when something else does', async () => {
    serve({});
    await expect(resolveHomeserver('https://down.example.lu')).rejects.toThrow('unreachable');
    serve({ 'https://www.example.lu/_matrix/client/versions': { status: 404 } });
    await expect(resolveHomeserver('https://www.example.lu')).rejects.toThrow('notMatrix');
    serve({ 'https://json.example.lu/_matrix/client/versions': { json: { hello: 'world' } } });
    await expect(resolveHomeserver('https://json.example.lu')).rejects.toThrow('notMatrix');
  });
});
