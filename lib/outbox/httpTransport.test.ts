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
    await expect(httpTransport('http://hs', 'tok', '@me:hs').send(row)).resolves.toBe('$e');
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
    await expect(httpTransport('http://hs', 'tok', '@me:hs').send({ kind: 'redaction', txnId: 't2', roomId: '!r:hs', eventId: '$e', reason: 'typo' })).resolves.toBe('$r');
    expect(calls[0][0]).toBe('http://hs/_matrix/client/v3/rooms/!r%3Ahs/redact/%24e/t2');
    expect(calls[0][1]).toMatchObject({ method: 'PUT', body: '{"reason":"typo"}' });
  });

  it('describes 429s, refusals and silence for the retry policy', async () => {
    const transport = httpTransport('http://hs', 'tok', '@me:hs');
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ errcode: 'M_LIMIT_EXCEEDED', retry_after_ms: 1234 }), { status: 429 }));
    await expect(transport.send(row).catch((e) => transport.describeFailure(e))).resolves.toEqual({ status: 429, errcode: 'M_LIMIT_EXCEEDED', retryAfterMs: 1234 });
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 413 }));
    await expect(transport.send(row).catch((e) => transport.describeFailure(e))).resolves.toMatchObject({ status: 413 });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(transport.send(row).catch((e) => transport.describeFailure(e))).resolves.toEqual({});
  });

  it('uploads bytes first (to the media API, with their type), then sets the picture with the URI', async () => {
    const calls: [string, RequestInit][] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify(url.includes('/upload') ? { content_uri: 'mxc://hs/pic' } : {}));
    });
    const transport = httpTransport('http://hs', 'tok', '@me:hs');
    const blob = new Blob(['png'], { type: 'image/png' });
    await expect(transport.send({ kind: 'upload', txnId: 't', roomId: '!r:hs', index: 0, blob, contentType: 'image/png', encrypted: false, inMessage: false })).resolves.toBe('mxc://hs/pic');
    expect(calls[0][0]).toBe('http://hs/_matrix/media/v3/upload');
    expect(calls[0][1]).toMatchObject({ method: 'POST', body: blob, headers: { 'content-type': 'image/png', authorization: 'Bearer tok' } });
    await transport.send({ kind: 'room', txnId: 't', roomId: '!r:hs', change: { op: 'avatar', url: 'mxc://hs/pic' } });
    expect(calls[1][0]).toBe('http://hs/_matrix/client/v3/rooms/!r%3Ahs/state/m.room.avatar/');
    expect(JSON.parse(calls[1][1].body as string)).toEqual({ url: 'mxc://hs/pic' });
    await transport.send({ kind: 'profile', txnId: 'p', roomId: '', change: { field: 'avatar_url', url: 'mxc://hs/pic' } });
    expect(calls[2][0]).toBe('http://hs/_matrix/client/v3/profile/%40me%3Ahs/avatar_url');
    expect(JSON.parse(calls[2][1].body as string)).toEqual({ avatar_url: 'mxc://hs/pic' });
  });

  it('changes a role by reading the power levels and writing them back with that one level changed', async () => {
    const calls: [string, RequestInit][] = [];
    const levels = { users: { '@me:hs': 100, '@bob:hs': 50 }, users_default: 0, events: { 'm.room.name': 50 } };
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify(init.method === 'PUT' ? { event_id: '$p' } : levels));
    });
    const transport = httpTransport('http://hs', 'tok', '@me:hs');
    await transport.send({ kind: 'room', txnId: 't', roomId: '!r:hs', change: { op: 'power', userId: '@anna:hs', level: 100 } });
    await transport.send({ kind: 'room', txnId: 't2', roomId: '!r:hs', change: { op: 'power', userId: '@bob:hs', level: 0 } });
    expect(calls.map((c) => c[1].method ?? 'GET')).toEqual(['GET', 'PUT', 'GET', 'PUT']);
    expect(JSON.parse(calls[1][1].body as string)).toEqual({ ...levels, users: { '@me:hs': 100, '@bob:hs': 50, '@anna:hs': 100 } });
    // Back to the default level: the entry goes.
    expect(JSON.parse(calls[3][1].body as string).users).toEqual({ '@me:hs': 100 });
  });
});
