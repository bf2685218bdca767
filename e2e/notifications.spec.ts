import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { loginThroughUi, messageBodies, openRoomId, roomButton } from './app';
import { newUser } from './homeserver';
import { APP_URL } from './ports';
import { kvRow } from './store';
import { workerOutsideTheApp } from './worker';

interface Shown {
  title: string;
  body: string;
  roomId: unknown;
}

/** The notifications the service worker is showing now. */
function shownNotifications(page: Page): Promise<Shown[]> {
  return page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      roomId: (n.data as { roomId?: unknown } | null)?.roomId,
    })),
  );
}

/**
 * Headless Chromium shows every page as visible (minimising or switching tabs changes
 * nothing), so the page is told it is hidden the way the browser would tell it.
 */
function hide(page: Page): Promise<void> {
  return page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** What the browser does on a click: the worker's `notificationclick` for that notification. */
async function clickNotification(context: BrowserContext, body: string): Promise<void> {
  const [worker] = context.serviceWorkers();
  await worker.evaluate(async (wanted) => {
    const scope = self as unknown as ServiceWorkerGlobalScope;
    const notification = (await scope.registration.getNotifications()).find((n) => n.body === wanted);
    if (!notification) throw new Error(`no notification "${wanted}"`);
    scope.dispatchEvent(new NotificationEvent('notificationclick', { notification }));
  }, body);
}

test('bob writes to alice while her page is hidden: a notification with his words opens the room; muting the room, kept as a push rule, stops them', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const alice = await newUser('notify-alice');
  const bob = await newUser('notify-bob');
  const roomId = await bob.api.sharedRoom('', alice.api);
  await bob.api.send(roomId, 'Are you at the depot?');

  const context = await browser.newContext({ permissions: ['notifications'] });
  try {
    const page = await context.newPage();
    await loginThroughUi(page, alice);
    await roomButton(page).first().click();
    await expect(messageBodies(page).filter({ hasText: 'Are you at the depot?' })).toBeVisible();
    // Nothing is asked on load; after her first message, the app offers notifications.
    await expect(page.getByTestId('notification-prompt')).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Message' }).fill('Yes, until five');
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    const prompt = page.getByTestId('notification-prompt');
    await expect(prompt).toBeVisible();
    await prompt.getByRole('button', { name: 'Turn on' }).click();
    await expect(prompt).toHaveCount(0);
    // Back to the room list: the click must open the room.
    await page.evaluate(() => (location.hash = ''));
    await expect.poll(() => openRoomId(page)).toBe('');

    await hide(page);
    await bob.api.send(roomId, 'Meet at the bridge at 3');
    await expect.poll(() => shownNotifications(page), { timeout: 30_000 }).toContainEqual({
      title: expect.stringContaining('notify-bob') as unknown as string,
      body: 'Meet at the bridge at 3',
      roomId,
    });

    // The click takes the app to the room.
    await clickNotification(context, 'Meet at the bridge at 3');
    await expect.poll(() => openRoomId(page)).toBe(roomId);
    await expect(messageBodies(page).filter({ hasText: 'Meet at the bridge at 3' })).toBeVisible();
    await expect.poll(async () => (await shownNotifications(page)).length).toBe(0);

    // Muted: written as the account's push rule, which other clients read too.
    await page.getByRole('button', { name: 'Chat settings' }).click();
    await page.getByTestId('room-settings').getByLabel('Notifications').selectOption('mute');
    await expect
      .poll(async () => {
        const rules = await alice.api.call<{ global: { override: Array<{ rule_id: string; actions: unknown[] }> } }>('GET', '/pushrules/');
        return rules.global.override.find((r) => r.rule_id === roomId)?.actions;
      })
      .toEqual([]);
    await bob.api.send(roomId, 'Bring the plans');
    await expect(messageBodies(page).filter({ hasText: 'Bring the plans' })).toBeVisible();
    // Had it notified, it would show by now (it is decided when the message is stored).
    await page.waitForTimeout(1_500);
    expect((await shownNotifications(page)).map((n) => n.body)).not.toContain('Bring the plans');
    // The setting shows as chosen after a reload, read back from the push rules.
    await page.reload();
    await page.getByRole('button', { name: 'Chat settings' }).click();
    await expect(page.getByTestId('room-settings').getByLabel('Notifications')).toHaveValue('mute');
  } finally {
    await context.close();
  }
});

test('while the page is on screen, no notification; Settings turns them off on this device', async ({ browser }) => {
  test.setTimeout(90_000);
  const alice = await newUser('notify-visible');
  const bob = await newUser('notify-visible-bob');
  const roomId = await bob.api.sharedRoom('', alice.api);
  const context = await browser.newContext({ permissions: ['notifications'] });
  try {
    const page = await context.newPage();
    await loginThroughUi(page, alice);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const toggle = page.getByRole('checkbox', { name: 'Notifications for new messages on this device' });
    await toggle.check();
    await expect(toggle).toBeChecked();

    await bob.api.send(roomId, 'Visible one');
    await expect(roomButton(page).filter({ hasText: 'Visible one' })).toBeVisible();
    await page.waitForTimeout(1_500);
    expect(await shownNotifications(page)).toEqual([]);

    // Hidden, but turned off on this device.
    await toggle.uncheck();
    await hide(page);
    await bob.api.send(roomId, 'Hidden but off');
    await expect(roomButton(page).filter({ hasText: 'Hidden but off' })).toBeVisible();
    await page.waitForTimeout(1_500);
    expect(await shownNotifications(page)).toEqual([]);
  } finally {
    await context.close();
  }
});

/**
 * Fires the worker's Periodic Background Sync, as Chromium does for an installed app now and
 * then, from a page of the origin that runs none of the app (the manifest); returns that page,
 * which reads the notifications shown.
 */
async function firePeriodicCheck(context: BrowserContext): Promise<Page> {
  const { page, cdp, registrationId } = await workerOutsideTheApp(context);
  await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin: APP_URL, registrationId, tag: 'luxchat-new-messages' });
  await cdp.detach();
  return page;
}

test('with every tab closed, the background check notifies of a mention once, with its text; a group message without mention stays silent', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const alice = await newUser('bg-alice');
  const bob = await newUser('bg-bob');
  const roomId = await bob.api.sharedRoom('Depot', alice.api);
  const quietRoom = await bob.api.sharedRoom('Yard', alice.api);
  const context = await browser.newContext({ permissions: ['notifications'] });
  try {
    const page = await context.newPage();
    await loginThroughUi(page, alice);
    await expect(roomButton(page, 'Depot')).toBeVisible();
    await expect(roomButton(page, 'Yard')).toBeVisible();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Notifications for new messages on this device' }).check();
    // The app has written what the worker needs: its saved sync position and its words.
    await expect.poll(() => kvRow(page, 'resumePoint'), { timeout: 30_000 }).not.toBeNull();
    await expect.poll(() => kvRow(page, 'notificationText')).not.toBeNull();
    await page.close();

    // In one group a message that does not mention alice (nothing, by default); in the other, a mention.
    await bob.api.send(quietRoom, 'Just for the record');
    await bob.api.sendEvent(roomId, 'm.room.message', {
      msgtype: 'm.text',
      body: `${alice.username}: the crane arrives at 7`,
      'm.mentions': { user_ids: [alice.userId] },
    });
    const reader = await firePeriodicCheck(context);
    await expect.poll(() => shownNotifications(reader), { timeout: 30_000 }).toEqual([
      { title: 'Depot', body: `${bob.userId}: ${alice.username}: the crane arrives at 7`, roomId },
    ]);
    // Seen by the user, then checked again: the same message is not notified twice.
    await reader.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));
    const again = await firePeriodicCheck(context);
    await again.waitForTimeout(2_000);
    expect(await shownNotifications(again)).toEqual([]);
  } finally {
    await context.close();
  }
});
