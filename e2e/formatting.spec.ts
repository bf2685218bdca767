import { expect, test } from '@playwright/test';
import { HOSTILE_HTML } from '../lib/format/hostileHtml.fixture';
import { loginThroughUi, roomButton, saveRecoveryKey, trackPageErrors } from './app';
import { newUser } from './homeserver';
import { HOMESERVER_URL } from './ports';

test('Markdown goes out as formatted_body and shows formatted; 48 hostile HTML messages run nothing and stay readable', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = trackPageErrors(page);
  const alice = await newUser('alice');
  const bob = await newUser('bob');
  const roomId = await bob.api.sharedRoom('Format', alice.api);
  await loginThroughUi(page, alice, HOMESERVER_URL);
  await saveRecoveryKey(page);
  await roomButton(page, 'Format').click();

  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('**urgent**: run `npm test`\n\n- one\n- two\n\nsee [the site](https://gouvernement.lu)');
  await composer.press('Enter');
  await expect
    .poll(async () => (await bob.api.events(roomId)).findLast((e) => e.sender === alice.userId)?.content.formatted_body, { timeout: 30_000 })
    .toBe('<p><strong>urgent</strong>: run <code>npm test</code></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>see <a href="https://gouvernement.lu">the site</a></p>');
  const formatted = page.getByTestId('timeline').getByTestId('formatted').last();
  await expect(formatted.locator('strong')).toHaveText('urgent');
  await expect(formatted.locator('code')).toHaveText('npm test');
  await expect(formatted.locator('li')).toHaveText(['one', 'two']);
  await expect(formatted.locator('a')).toHaveAttribute('href', 'https://gouvernement.lu');
  await expect(formatted.locator('a')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(formatted.locator('a')).toHaveAttribute('target', '_blank');

  // A plain-text link from bob is clickable too.
  await bob.api.send(roomId, 'form at https://guichet.public.lu/en.html');
  await expect(page.getByTestId('timeline').locator('a[href="https://guichet.public.lu/en.html"]')).toHaveAttribute('rel', 'noopener noreferrer');

  for (const [i, html] of HOSTILE_HTML.entries()) {
    await bob.api.sendEvent(roomId, 'm.room.message', { msgtype: 'm.text', body: `payload ${i + 1}`, format: 'org.matrix.custom.html', formatted_body: `<p>payload ${i + 1}</p>${html}` });
  }
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByText(`payload ${HOSTILE_HTML.length}`, { exact: true })).toBeVisible({ timeout: 30_000 });
  // Every payload's text is readable; pointing at, clicking and focusing each message runs nothing.
  for (let i = 1; i <= HOSTILE_HTML.length; i++) {
    const text = timeline.getByText(`payload ${i}`, { exact: true });
    await expect(text).toBeVisible();
  }
  const bodies = timeline.getByTestId('formatted');
  for (let i = 0; i < (await bodies.count()); i++) {
    const body = bodies.nth(i);
    await body.scrollIntoViewIfNeeded();
    await body.hover();
    await body.click({ position: { x: 3, y: 3 } });
  }
  await page.keyboard.press('Tab');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const dangerous = await timeline.evaluate((root) => ({
    elements: root.querySelectorAll('script, iframe, object, embed, svg, math, img, style, form, input, link, meta, base').length,
    handlers: [...root.querySelectorAll('*')].filter((el) => el.getAttributeNames().some((a) => a.startsWith('on'))).length,
    badLinks: [...root.querySelectorAll('a[href]')].filter((a) => !/^(https?|ftp|mailto|magnet):/i.test(a.getAttribute('href') ?? '')).length,
  }));
  expect(dangerous).toEqual({ elements: 0, handlers: 0, badLinks: 0 });
  expect(errors).toEqual([]);
});
