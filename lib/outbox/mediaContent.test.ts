import { describe, expect, it } from 'vitest';
import { requestFor } from './request';
import { withUploadedUris } from './mediaContent';
import type { OutboxRow } from '../db/types';

const blob = new Blob(['x']);

describe('media content at send time', () => {
  it('puts the URIs of an unencrypted picture and its thumbnail in url and info.thumbnail_url', () => {
    const content = { msgtype: 'm.image', body: 'site.jpg', info: { mimetype: 'image/jpeg', thumbnail_info: { w: 800 } } };
    expect(withUploadedUris(content, [{ blob, contentType: 'image/jpeg', mxc: 'mxc://hs/full' }, { blob, contentType: 'image/jpeg', mxc: 'mxc://hs/thumb' }])).toEqual({
      msgtype: 'm.image',
      body: 'site.jpg',
      url: 'mxc://hs/full',
      info: { mimetype: 'image/jpeg', thumbnail_info: { w: 800 }, thumbnail_url: 'mxc://hs/thumb' },
    });
  });

  it('puts them inside file and info.thumbnail_file when encrypted, never as a plain url', () => {
    const keys = { key: { k: 'secret' }, iv: 'iv', hashes: { sha256: 'h' }, v: 'v2' };
    const content = { msgtype: 'm.image', body: 'site.jpg', file: keys, info: { thumbnail_file: keys } };
    const out = withUploadedUris(content, [{ blob, contentType: 'application/octet-stream', mxc: 'mxc://hs/c1' }, { blob, contentType: 'application/octet-stream', mxc: 'mxc://hs/c2' }]);
    expect(out.file).toEqual({ ...keys, url: 'mxc://hs/c1' });
    expect((out.info as Record<string, unknown>).thumbnail_file).toEqual({ ...keys, url: 'mxc://hs/c2' });
    expect(out.url).toBeUndefined();
    expect((out.info as Record<string, unknown>).thumbnail_url).toBeUndefined();
  });

  it('a media row asks for its uploads first, in order, then for the message', () => {
    const row: OutboxRow = {
      txnId: 't', roomId: '!r', createdAt: 1, kind: 'event', type: 'm.room.message', state: 'queued', attempts: 0, nextAttemptAt: 0,
      content: { msgtype: 'm.file', body: 'plan.pdf', info: { mimetype: 'application/pdf' } },
      uploads: [{ blob, contentType: 'application/pdf', name: 'plan.pdf' }],
    };
    expect(requestFor(row)).toMatchObject({ kind: 'upload', index: 0, contentType: 'application/pdf', name: 'plan.pdf', encrypted: false, inMessage: true });
    row.uploads![0].mxc = 'mxc://hs/pdf';
    expect(requestFor(row)).toMatchObject({ kind: 'event', content: { msgtype: 'm.file', url: 'mxc://hs/pdf' } });
  });
});
