import { expect, test } from '@playwright/test';
import { SENTINEL, cspReports } from './csp';
import { controlled } from './worker';

test("every page and the service worker carry the security headers, with a policy that allows no inline script but the build's own; other files carry nosniff alone", async ({ request }) => {
  for (const path of ['/en/', '/', '/fr/sso/', '/en/index.html', '/404.html', '/sw.js']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const policy = headers['content-security-policy'] ?? '';
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
    expect(scriptSrc, path).toMatch(/^script-src 'self' 'wasm-unsafe-eval' 'report-sample'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    expect(policy, path).toContain("object-src 'none'");
    expect(policy, path).toContain("base-uri 'none'");
    expect(policy, path).toContain("frame-ancestors 'none'");
    // The test homeservers, all on loopback (a deployment names its own: security-headers.test.ts).
    expect(policy, path).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\*(;|$)/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['permissions-policy'], path).toContain('microphone=(self)');
  }
  const script = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(await (await request.get('/en/')).text())?.[1];
  for (const path of ['/manifest.webmanifest', '/icons/icon.svg', script ?? 'no script found']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(response.headers()['content-security-policy'], path).toBeUndefined();
  }
});

test('an inline script injected into a served page is blocked and reported; the page itself still works', async ({ page }) => {
  const seen: string[] = [];
  await page.exposeFunction('cspViolation', (sample: string) => seen.push(sample));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolation(s: string): void }).cspViolation(e.sample));
  });
  // What an attacker who could write into the page would add, the page's headers unchanged.
  await page.route('**/en/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<head>', `<head><script>window.${SENTINEL}=1</script>`);
    await route.fulfill({ response, body: html });
  });
  await page.goto('/en/');
  await expect(page.getByRole('heading', { name: 'Log in to Luxchat' })).toBeVisible();
  await expect.poll(() => seen.some((s) => s.includes(SENTINEL))).toBe(true);
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], SENTINEL)).toBeUndefined();
  // The report reached the server the policy names.
  await expect.poll(() => cspReports().some((r) => r['script-sample']?.includes(SENTINEL))).toBe(true);
  // The app's own scripts ran (the language switcher works only once they have).
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByRole('heading', { name: 'Bei Luxchat anmelden' })).toBeVisible();
});

test("the service worker's answers keep the headers", async ({ page }) => {
  await page.goto('/en/');
  await controlled(page);
  const fromWorker = await page.evaluate(async () => {
    const response = await fetch('/en/');
    return response.headers.get('content-security-policy');
  });
  expect(fromWorker).toContain("script-src 'self'");
  const navigation = await page.reload();
  expect(navigation?.fromServiceWorker()).toBe(true);
  expect(await navigation?.headerValue('content-security-policy')).toContain("frame-ancestors 'none'");
});
