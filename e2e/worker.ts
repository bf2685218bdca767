import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { APP_URL } from './ports';

/** Waits until the page is controlled by an activated service worker. */
export async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

/**
 * A page of the app's origin that runs none of the app (the manifest), with a CDP session on
 * the service worker domain and the worker's registration id: to fire the events Chromium fires
 * with every tab of the app closed (Background Sync, Periodic Background Sync).
 */
export async function workerOutsideTheApp(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession; registrationId: string }> {
  const page = await context.newPage();
  await page.goto(`${APP_URL}/manifest.webmanifest`);
  const cdp = await context.newCDPSession(page);
  const registrationId = await new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(APP_URL) && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
    void cdp.send('ServiceWorker.enable');
  });
  return { page, cdp, registrationId };
}
