import { describe, expect, it } from 'vitest';
import { rowCipher } from './keys';
import { LockedError, openRow, sealRow } from './sealing';

describe('sealed rows', () => {
  it('keep their keys in the clear, seal the rest, and come back whole: bytes, and files beside the seal', async () => {
    const cipher = await rowCipher(crypto.getRandomValues(new Uint8Array(32)));
    const file = new Blob(['picture'], { type: 'image/png' });
    const row = { txnId: 't1', roomId: '!r', content: { body: 'Moien' }, key: new Uint8Array([1, 2, 3]), uploads: [{ blob: file, contentType: 'image/png' }] };
    const stored = sealRow(row, new Set(['txnId', 'roomId']), cipher) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['$files', '$sealed', 'roomId', 'txnId']);
    expect(JSON.stringify(stored)).not.toContain('Moien');
    const opened = openRow(stored, cipher) as typeof row;
    expect(opened.content).toEqual({ body: 'Moien' });
    expect(opened.key).toEqual(new Uint8Array([1, 2, 3]));
    expect(opened.uploads[0].blob).toBe(file);
    expect(() => openRow(stored, null)).toThrow(LockedError);
    // A row written before the lock reads as it is.
    expect(openRow(row, null)).toBe(row);
  });
});
