// Takes the README's screenshot of the room view, and the manifest's wide and narrow ones, from a
// running `npm start` (demo account).
// Usage: node scripts/screenshot.mjs [appUrl]
import { chromium } from '@playwright/test';

const appUrl = process.argv[2] ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 640 }, locale: 'lb-LU' });
await page.goto(`${appUrl}/lb/`);
await page.locator('input[name="username"]').fill('demo');
await page.locator('input[name="password"]').fill('luxchat-demo');
await page.locator('button[type="submit"]').click();
// A first login shows the recovery key; a later one asks to verify the device.
const recovery = page.getByTestId('recovery-key-dialog');
const verify = page.getByTestId('verify-device-dialog');
await recovery.or(verify).waitFor({ timeout: 30_000 });
if (await recovery.isVisible()) await recovery.getByRole('button').last().click();
else {
  // "Later": a banner reminds instead; hidden for the picture.
  await verify.getByRole('button').last().click();
  await page.getByTestId('verify-banner').getByRole('button').last().click();
}
await page.locator('[data-room-id]').first().click();
const composer = page.getByRole('textbox', { name: 'Message' });
await composer.fill('Moien Anna! Wéini ass d’Versammlung muer?');
await composer.press('Enter');
await page.locator('[data-pending]').first().waitFor({ state: 'detached', timeout: 30_000 });
await page.getByTestId('connection-status').waitFor({ state: 'detached', timeout: 30_000 });
await page.screenshot({ path: 'public/screenshots/room-view.png' });
// The manifest's screenshots (the install dialog shows them): a desktop and a phone.
await page.setViewportSize({ width: 1280, height: 800 });
await page.screenshot({ path: 'public/screenshots/app-wide.png' });
await page.setViewportSize({ width: 412, height: 915 });
await page.screenshot({ path: 'public/screenshots/app-narrow.png' });
await browser.close();
console.log('wrote public/screenshots/room-view.png, app-wide.png and app-narrow.png');
