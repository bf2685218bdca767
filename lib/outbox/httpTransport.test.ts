import { afterEach, describe, expect, it, vi } from 'vitest';
import { httpTransport } from './httpTransport';
import type { OutgoingRequest } from './request';

afterEach(() => vi.unstubAllGlobals());

const row: OutgoingRequest = { kind: 'event', txnId: 'tx/1', roomId: '!r:hs', type: 'm.room.message', content: { body: 'hi' } };

describe('httpTransport', () => {
  it('PUTs the row under its own txnId with the token and returns the event id', async () => {
    const calls: [string, RequestInit][] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ event_id: '$e' }));
    });
    await expect(httpTransport('http://hs', 'tok').send(row)).resolves.toBe('$e');
    expect(calls[0][0]).toBe('http://hs/_matrix/client/v3/rooms/!r%3Ahs/send/m.room.message/tx%2F1');
    expect(calls[0][1]).toMatchObject({ method: 'PUT', body: '{"body":"hi"}' });
    expect((calls[0][1].headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('PUTs a redaction under its own txnId, with the reason', async () => {
    const calls: [string, RequestInit][] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ event_id: '$r' }));
    });
    await expect(httpTransport('http://hs', 'tok').send({ kind: 'redaction', txnId: 't2', roomId: '!r:hs', eventId: '$e', reason: 'typo' })).resolves.toBe('$r');
    expect(calls[0][0]).toBe('http://hs/_matrix/client/v3/rooms/!r%3Ahs/redact/%24e/t2');
    expect(calls[0][1]).toMatchObject({ method: 'PUT', body: '{"reason":"typo"}' });
  });

  it('describes 429s, refusals and silence for the retry policy', async () => {
    const transport = httpTransport('http://hs', 'tok');
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 1234 }), { status: 429 }));
    await expect(transport.send(row).catch((e) => transport.describeFailure(e))).resolves.toEqual({ status: 429, errcode: 'M_LIMIT_EXCEEDED', retryAfterMs: 1234 });
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 413 }));
    await expect(transport.send(row).catch((e) => transport.describeFailure(e))).resolves.toMatchObject({ status: 413 });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(transport.send(row).catch((e) => transport.describeFailure(e))).resolves.toEqual({});
  });
});
