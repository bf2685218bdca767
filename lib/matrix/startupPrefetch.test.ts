import { describe, expect, it } from 'vitest';
import { FRESH_MS, StartupPrefetch } from './startupPrefetch';

const RULES = 'http://127.0.0.1:8008/_matrix/client/v3/pushrules/';

function setup() {
  let clock = 0;
  const calls: { url: string; method: string; auth: string | null }[] = [];
  const inner = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, method: init?.method ?? 'GET', auth: new Headers(init?.headers).get('authorization') });
    return new Response(JSON.stringify({ call: calls.length }));
  }) as typeof fetch;
  const prefetch = new StartupPrefetch(inner, () => clock);
  return { prefetch, calls, advance: (ms: number) => (clock += ms) };
}

describe('StartupPrefetch', () => {
  it('answers the first identical GET with the early response, with the same token', async () => {
    const { prefetch, calls } = setup();
    prefetch.get(RULES, 'tok');
    const first = await prefetch.fetch(new URL(RULES), { method: 'GET', headers: { Authorization: 'Bearer tok' } });
    expect(await first.json()).toEqual({ call: 1 });
    expect(calls).toEqual([{ url: RULES, method: 'GET', auth: 'Bearer tok' }]);
    // Used once: the next identical GET goes to the network.
    const second = await prefetch.fetch(new URL(RULES), { method: 'GET' });
    expect(await second.json()).toEqual({ call: 2 });
  });

  it('does not serve other URLs, other methods, or a stale answer', async () => {
    const { prefetch, calls, advance } = setup();
    prefetch.get(RULES, 'tok');
    await prefetch.fetch(`${RULES}global/override`, { method: 'GET' });
    await prefetch.fetch(RULES, { method: 'PUT', body: '{}' });
    expect(calls).toHaveLength(3);
    advance(FRESH_MS + 1);
    const late = await prefetch.fetch(RULES, { method: 'GET' });
    expect(await late.json()).toEqual({ call: 4 });
  });

  it('hands a failed early request to its taker, and an untaken failure is harmless', async () => {
    const failing = new StartupPrefetch((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    failing.get(RULES, 'tok');
    await expect(failing.fetch(RULES)).rejects.toThrow('Failed to fetch');
    failing.get(RULES, 'tok');
  });

  it('tells when a request to a path has left', async () => {
    const { prefetch } = setup();
    let sent = false;
    const sync = prefetch.requested('/sync').then(() => (sent = true));
    await prefetch.fetch(RULES);
    await Promise.resolve();
    expect(sent).toBe(false);
    await prefetch.fetch('http://127.0.0.1:8008/_matrix/client/v3/sync?since=s1&timeout=0');
    await sync;
    expect(sent).toBe(true);
  });

  it("answers the SDK's first /sync from the resumed position with the resumed answer, once", async () => {
    const { prefetch, calls } = setup();
    const SYNC = 'http://127.0.0.1:8008/_matrix/client/v3/sync';
    prefetch.offerSync({
      since: 's1',
      filterId: 'f1',
      answer: Promise.resolve({ status: 200, headers: [['content-type', 'application/json'], ['content-encoding', 'gzip']], text: '{"next_batch":"s2"}' }),
    });
    // Another position or filter is not what was asked: it goes out.
    await prefetch.fetch(`${SYNC}?filter=f1&since=s0&timeout=0`);
    await prefetch.fetch(`${SYNC}?filter=f2&since=s1&timeout=0`);
    expect(calls).toHaveLength(2);
    const served = await prefetch.fetch(`${SYNC}?filter=f1&timeout=0&set_presence=offline&since=s1`, { method: 'GET' });
    expect(await served.json()).toEqual({ next_batch: 's2' });
    expect(served.headers.get('content-encoding')).toBeNull();
    expect(calls).toHaveLength(2);
    await prefetch.fetch(`${SYNC}?filter=f1&since=s1&timeout=0`);
    expect(calls).toHaveLength(3);
  });

  it('sends the SDK\'s /sync itself when the resumed one got no answer', async () => {
    const { prefetch, calls } = setup();
    prefetch.offerSync({ since: 's1', filterId: 'f1', answer: Promise.resolve(null) });
    const response = await prefetch.fetch('http://127.0.0.1:8008/_matrix/client/v3/sync?filter=f1&since=s1');
    expect(await response.json()).toEqual({ call: 1 });
    expect(calls).toHaveLength(1);
  });
});
