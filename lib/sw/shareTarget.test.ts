import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME } from '../db/database';
import { latestShared } from '../db/shared';
import { receiveShare } from './shareTarget';

beforeEach(async () => {
  closeDb();
  await Dexie.delete(DB_NAME);
});

function share(form: FormData): Request {
  return new Request('https://app.example/share-target', { method: 'POST', body: form });
}

describe('share target', () => {
  it('keeps shared files and text on the device and opens the room picker', async () => {
    const form = new FormData();
    form.append('files', new File(['%PDF-1.4'], 'plan.pdf', { type: 'application/pdf' }));
    form.append('files', new File([new Uint8Array([1, 2, 3])], 'photo.jpg', { type: 'image/jpeg' }));
    form.append('title', 'Chantier');
    form.append('url', 'https://example.lu/n7');
    const res = await receiveShare(share(form));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://app.example/#/share');
    const shared = await latestShared();
    expect(shared?.files.map((f) => [f.name, f.type, f.blob.size])).toEqual([
      ['plan.pdf', 'application/pdf', 8],
      ['photo.jpg', 'image/jpeg', 3],
    ]);
    expect(shared?.text).toBe('Chantier\nhttps://example.lu/n7');
  });

  it('keeps only the newest share, and opens the app even for a malformed one', async () => {
    const first = new FormData();
    first.append('text', 'first');
    await receiveShare(share(first));
    const second = new FormData();
    second.append('text', 'second');
    await receiveShare(share(second));
    expect((await latestShared())?.text).toBe('second');
    const broken = new Request('https://app.example/share-target', { method: 'POST', body: 'not a form', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect((await receiveShare(broken)).status).toBe(303);
  });
});
