import { describe, expect, it } from 'vitest';
import { may, roleOf } from './roomPermissions';

describe('may', () => {
  const levels = { redact: 50, invite: 0, kick: 50, name: 50, topic: 100 };
  it('compares the user\'s level with what the action needs', () => {
    expect(may({ myPowerLevel: 0, levels }, 'invite')).toBe(true);
    expect(may({ myPowerLevel: 0, levels }, 'name')).toBe(false);
    expect(may({ myPowerLevel: 50, levels }, 'name')).toBe(true);
    expect(may({ myPowerLevel: 50, levels }, 'topic')).toBe(false);
    expect(may({ myPowerLevel: 100, levels }, 'kick')).toBe(true);
  });
  it('uses the spec\'s defaults for a room not synced yet', () => {
    expect(may({}, 'invite')).toBe(true);
    expect(may({}, 'kick')).toBe(false);
  });
  it('names roles', () => {
    expect([roleOf(100), roleOf(50), roleOf(0), roleOf(undefined)]).toEqual(['admin', 'moderator', null, null]);
  });
});
