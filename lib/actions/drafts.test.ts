import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDraft, moveDraft, saveDraft } from './drafts';

/** A localStorage as the browser has it (Node has none). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('drafts', () => {
  it('keeps unsent text per room and forgets an emptied one', () => {
    saveDraft('!a', 'half a sentence');
    saveDraft('!b', 'other');
    expect(loadDraft('!a')).toBe('half a sentence');
    saveDraft('!a', '');
    expect(loadDraft('!a')).toBe('');
    expect(localStorage.length).toBe(1);
  });

  it('loses nothing else when storage refuses (full or blocked)', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    expect(() => saveDraft('!a', 'text')).not.toThrow();
    expect(loadDraft('!a')).toBe('');
  });

  it('moves the text typed in a room being created to its real id, never over a draft there', () => {
    saveDraft('~txn1', 'Moien');
    moveDraft('~txn1', '!real');
    expect([loadDraft('~txn1'), loadDraft('!real')]).toEqual(['', 'Moien']);
    saveDraft('~txn2', 'late');
    moveDraft('~txn2', '!real');
    expect(loadDraft('!real')).toBe('Moien');
  });
});
