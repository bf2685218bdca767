import { describe, expect, it } from 'vitest';
import { parseMxc, thumbnailPath } from './mxc';

describe('content URIs', () => {
  it('parses a content URI and builds its authenticated thumbnail path', () => {
    const media = parseMxc('mxc://luxchat.lu/AbC_12-x');
    expect(media).toEqual({ server: 'luxchat.lu', mediaId: 'AbC_12-x' });
    expect(thumbnailPath(media!, 96)).toBe('/_matrix/client/v1/media/thumbnail/luxchat.lu/AbC_12-x?width=96&height=96&method=crop');
  });

  it('accepts a server with a port or an IPv6 address', () => {
    expect(parseMxc('mxc://localhost:8008/abc')?.server).toBe('localhost:8008');
    expect(parseMxc('mxc://[::1]:8448/abc')?.server).toBe('[::1]:8448');
  });

  it('refuses anything that could leave the media path', () => {
    for (const bad of ['https://evil/x', 'mxc://hs/../../admin', 'mxc://hs/a/b', 'mxc://hs/a?x=1', 'mxc:///abc', 'mxc://hs/', '', 42, undefined]) {
      expect(parseMxc(bad)).toBeNull();
    }
  });
});
