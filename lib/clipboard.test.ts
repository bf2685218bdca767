import { afterEach, describe, expect, it, vi } from 'vitest';
import { copySecret, SECRET_ON_CLIPBOARD_MS } from './clipboard';

function fakeClipboard(readState: PermissionState) {
  let content = '';
  vi.stubGlobal('navigator', {
    clipboard: {
      writeText: async (text: string) => void (content = text),
      readText: async () => content,
    },
    permissions: { query: async () => ({ state: readState }) },
  });
  return { content: () => content, copyElsewhere: (text: string) => (content = text) };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('copySecret', () => {
  it('clears the clipboard a minute after copying the secret', async () => {
    vi.useFakeTimers();
    const clipboard = fakeClipboard('prompt');
    await copySecret('EsTc SECRET');
    expect(clipboard.content()).toBe('EsTc SECRET');
    await vi.advanceTimersByTimeAsync(SECRET_ON_CLIPBOARD_MS - 1_000);
    expect(clipboard.content()).toBe('EsTc SECRET');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(clipboard.content()).toBe('');
  });

  it('leaves what the user copied since, where it may read the clipboard', async () => {
    vi.useFakeTimers();
    const clipboard = fakeClipboard('granted');
    await copySecret('EsTc SECRET');
    clipboard.copyElsewhere('a meeting address');
    await vi.advanceTimersByTimeAsync(SECRET_ON_CLIPBOARD_MS);
    expect(clipboard.content()).toBe('a meeting address');
  });
});
