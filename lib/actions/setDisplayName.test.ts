import { describe, expect, it, vi } from 'vitest';

const commands: unknown[][] = [];
vi.mock('../matrix/remote', () => ({ runCommand: async (...args: unknown[]) => void commands.push(args) }));
const { MAX_DISPLAY_NAME, setDisplayName } = await import('./setDisplayName');

describe('setDisplayName', () => {
  it('sends the trimmed name, and refuses an empty or over-long one before asking', async () => {
    await setDisplayName('  Anna Muller ');
    expect(commands).toEqual([['setDisplayName', 'Anna Muller']]);
    await expect(setDisplayName('   ')).rejects.toMatchObject({ code: 'invalidDisplayName' });
    await expect(setDisplayName('x'.repeat(MAX_DISPLAY_NAME + 1))).rejects.toMatchObject({ code: 'invalidDisplayName' });
    expect(commands).toHaveLength(1);
  });
});
