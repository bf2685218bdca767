import { describe, expect, it } from 'vitest';
import { parseRoomAddress } from './roomAddress';

describe('parseRoomAddress', () => {
  it('reads aliases, room ids and matrix.to links with their via servers', () => {
    expect(parseRoomAddress(' #service:luxchat.lu ')).toEqual({ idOrAlias: '#service:luxchat.lu', via: [] });
    expect(parseRoomAddress('!abc:luxchat.lu')).toEqual({ idOrAlias: '!abc:luxchat.lu', via: [] });
    expect(parseRoomAddress('https://matrix.to/#/%23service%3Aluxchat.lu')).toEqual({ idOrAlias: '#service:luxchat.lu', via: [] });
    expect(parseRoomAddress('https://matrix.to/#/!abc:luxchat.lu?via=luxchat.lu&via=other.lu')).toEqual({ idOrAlias: '!abc:luxchat.lu', via: ['luxchat.lu', 'other.lu'] });
  });
  it('refuses what is not a room', () => {
    for (const input of ['', 'service', '@anna:luxchat.lu', 'https://matrix.to/#/@anna:luxchat.lu', 'https://example.lu/#/#a:b', 'https://matrix.to/#/%E0%A4%A']) {
      expect(parseRoomAddress(input)).toBeNull();
    }
  });
});
