import { expect, test } from '@playwright/test';
import { fillLogin, messageBodies, roomButton, trackPageErrors } from './app';
import { ownHomeserver } from './homeserver';
import { cut, restore } from './network';
import { sessionRow } from './store';

test('with access tokens that live 60 s, a session open for 3 minutes keeps syncing, and a message queued while its token had expired goes out once', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const hs = await ownHomeserver('token-refresh', 18050, { refreshableTokenLifetime: '60s' });
  try {
    const errors = trackPageErrors(page);
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    const alice = await hs.users.create('alice');
    const bob = await hs.users.create('bob');
    const roomId = await bob.api.sharedRoom('Relais', alice.api);
    await page.goto('/en/');
    await fillLogin(page, alice, hs.baseUrl);
    const signedInAt = Date.now();
    await roomButton(page, 'Relais').click();
    const first = await sessionRow(page);
    expect(first?.refreshToken).toBeTruthy();
    expect(first!.accessTokenExpiresAt! - Date.now()).toBeLessThanOrEqual(60_000);

    // Past the first token's life: renewed ahead of time, and sync goes on.
    await page.waitForTimeout(65_000);
    await bob.api.send(roomId, 'Éischt Minutt');
    await expect(messageBodies(page).filter({ hasText: 'Éischt Minutt' })).toBeVisible({ timeout: 30_000 });
    const renewed = await sessionRow(page);
    expect(renewed?.accessToken).not.toBe(first?.accessToken);

    // The homeserver out of reach until the token has expired; a message waits in the outbox.
    await cut(page.context(), hs.baseUrl);
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('Wärend der Paus geschriwwen');
    await composer.press('Enter');
    await expect.poll(async () => (await sessionRow(page))!.accessTokenExpiresAt! < Date.now(), { timeout: 90_000, intervals: [2_000] }).toBe(true);
    await restore(page.context(), hs.baseUrl);

    // Renewed on the first refusal (or its scheduled renewal), then sent: bob has it once.
    await expect.poll(async () => (await bob.api.messages(roomId)).filter((b) => b === 'Wärend der Paus geschriwwen').length, { timeout: 60_000 }).toBe(1);
    await bob.api.send(roomId, 'Drëtt Minutt');
    await expect(messageBodies(page).filter({ hasText: 'Drëtt Minutt' })).toBeVisible({ timeout: 30_000 });
    // Three minutes and more after signing in: still syncing, on yet another token.
    await page.waitForTimeout(Math.max(3_000, signedInAt + 185_000 - Date.now()));
    await bob.api.send(roomId, 'Véiert Minutt');
    await expect(messageBodies(page).filter({ hasText: 'Véiert Minutt' })).toBeVisible({ timeout: 30_000 });
    const last = await sessionRow(page);
    expect(new Set([first?.accessToken, renewed?.accessToken, last?.accessToken]).size).toBe(3);
    // No token in the console, however many requests, refusals and renewals were logged.
    const secrets = [first, renewed, last].flatMap((row) => [row!.accessToken, row!.refreshToken!]);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
    expect((await bob.api.messages(roomId)).filter((b) => b === 'Wärend der Paus geschriwwen')).toHaveLength(1);
    await expect(page.getByTestId('session-ended')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await hs.dispose();
  }
});
