import { expect, test, type Page } from '@playwright/test';
import { loginThroughUi, messageBodies, roomButton, trackPageErrors } from './app';
import { ownHomeserver } from './homeserver';

/** Counts each page's /sync requests in flight and notes any moment when two pages had one. */
function watchSyncs(pages: Page[]) {
  const inFlight = new Map<Page, number>(pages.map((p) => [p, 0]));
  const started = new Map<Page, number[]>(pages.map((p) => [p, []]));
  const overlaps: string[] = [];
  for (const page of pages) {
    const isSync = (url: string) => url.includes('/_matrix/client/v3/sync');
    page.on('request', (r) => {
      if (!isSync(r.url())) return;
      inFlight.set(page, (inFlight.get(page) ?? 0) + 1);
      started.get(page)!.push(Date.now());
      const others = pages.filter((p) => p !== page && (inFlight.get(p) ?? 0) > 0);
      if (others.length) overlaps.push(`${r.url()} while another tab had a sync in flight`);
    });
    const done = (r: { url(): string }) => {
      if (isSync(r.url())) inFlight.set(page, Math.max(0, (inFlight.get(page) ?? 0) - 1));
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    // A closed tab's long poll ends with it, without a finished or failed event.
    page.on('close', () => inFlight.set(page, 0));
  }
  return { overlaps, started };
}

test('two tabs: one syncs, both show new messages, both can write; the other takes over when it closes', async ({ context }) => {
  test.setTimeout(120_000);
  const hs = await ownHomeserver('tabs', 18030);
  try {
    const alice = await hs.users.create('alice');
    const bob = await hs.users.create('bob');
    const roomId = await bob.api.sharedRoom('Büro', alice.api);
    await bob.api.send(roomId, 'Moien!');

    const first = await context.newPage();
    const second = await context.newPage();
    const errors = [...[first, second].map(trackPageErrors)];
    const { overlaps, started } = watchSyncs([first, second]);
    await loginThroughUi(first, alice, hs.baseUrl);
    await second.goto('/en/');
    for (const page of [first, second]) {
      await roomButton(page, 'Büro').click();
      await expect(messageBodies(page)).toHaveText(['Moien!']);
    }

    await bob.api.send(roomId, 'Wéi geet et?');
    for (const page of [first, second]) await expect(messageBodies(page).last()).toHaveText('Wéi geet et?');
    // The second tab does not sync, yet what it writes goes out through the syncing tab.
    expect(started.get(second)).toEqual([]);
    await second.getByRole('textbox', { name: 'Message' }).fill('Gutt, merci!');
    await second.getByRole('textbox', { name: 'Message' }).press('Enter');
    await expect.poll(() => bob.api.messages(roomId)).toEqual(['Moien!', 'Wéi geet et?', 'Gutt, merci!']);
    expect(started.get(first)!.length).toBeGreaterThan(0);
    expect(started.get(second)).toEqual([]);

    const closedAt = Date.now();
    await first.close();
    await expect.poll(() => started.get(second)!.length, { timeout: 5_000 }).toBeGreaterThan(0);
    console.log(`takeover: first /sync of the remaining tab ${started.get(second)![0] - closedAt} ms after the close`);
    await bob.api.send(roomId, 'Nach do?');
    await expect(messageBodies(second).last()).toHaveText('Nach do?');
    expect(overlaps).toEqual([]);
    expect(errors.flat()).toEqual([]);
  } finally {
    await hs.dispose();
  }
});
