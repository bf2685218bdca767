import { describe, expect, it } from 'vitest';
import { ConnectivityGate, MAX_WAIT_MS } from './connectivityGate';

function setup() {
  let clock = 0;
  let up = false;
  const hits: number[] = [];
  const inner = (async () => {
    hits.push(clock);
    if (!up) throw new TypeError('Failed to fetch');
    return new Response('{}');
  }) as typeof fetch;
  const gate = new ConnectivityGate(inner, () => clock);
  return {
    gate,
    hits,
    advance: (ms: number) => (clock += ms),
    setUp: (value: boolean) => (up = value),
  };
}

describe('ConnectivityGate', () => {
  it('lets at most one request per 30 s reach an unreachable server, however often the SDK asks', async () => {
    const { gate, hits, advance } = setup();
    // The SDK's keep-alive asks every 5 s, for ten minutes.
    for (let t = 0; t < 600_000; t += 5_000) {
      await gate.fetch('http://hs/_matrix/client/versions').catch(() => undefined);
      advance(5_000);
    }
    const late = hits.filter((t) => t > 120_000);
    for (let i = 1; i < late.length; i++) expect(late[i] - late[i - 1]).toBeGreaterThanOrEqual(MAX_WAIT_MS);
    expect(hits.length).toBeLessThan(30);
  });

  it('opens again on the first answer, and at once when asked to probe', async () => {
    const { gate, hits, advance, setUp } = setup();
    for (let i = 0; i < 6; i++) {
      await gate.fetch('x').catch(() => undefined);
      advance(100);
    }
    const before = hits.length;
    await expect(gate.fetch('x')).rejects.toThrow(/unreachable/);
    expect(hits.length).toBe(before);
    setUp(true);
    gate.probeNow();
    await expect(gate.fetch('x')).resolves.toBeInstanceOf(Response);
    await expect(gate.fetch('x')).resolves.toBeInstanceOf(Response);
  });

  it('does not count aborted requests as failures', async () => {
    let clock = 0;
    const inner = (async () => {
      throw new DOMException('aborted', 'AbortError');
    }) as typeof fetch;
    const gate = new ConnectivityGate(inner, () => clock);
    await gate.fetch('x').catch(() => undefined);
    // Not shut: the next request goes through to the network (and is aborted again).
    await expect(gate.fetch('x')).rejects.toThrow('aborted');
    clock++;
  });
});
