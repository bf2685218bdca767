// Older messages and gaps: asked of the syncing tab, from any tab.
import { describe, expect, it, vi } from 'vitest';

const commands: unknown[][] = [];
vi.mock('../matrix/remote', () => ({
  runCommand: async (...args: unknown[]) => {
    commands.push(args);
    return true;
  },
}));
const { loadOlderMessages } = await import('./loadOlderMessages');
const { fillGap } = await import('./fillGap');

describe('history', () => {
  it('asks the syncing tab for older messages and for a gap', async () => {
    expect(await loadOlderMessages('!r:hs', 50)).toBe(true);
    expect(await fillGap(7)).toBe(true);
    expect(commands).toEqual([
      ['loadOlder', '!r:hs', 50],
      ['fillGap', 7],
    ]);
  });
});
