// What the benchmarks share: Debian's Chromium launched for this closed network, and a
// client-server API caller for the "other side".
import { chromium } from '@playwright/test';

/** Chromium as the tests run it (flags: see the design brief's facts about this network). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** `api(token, method, path, body)` against the homeserver's /_matrix/client/v3; throws on a refusal. */
export function clientApi(baseUrl) {
  return async function api(token, method, path, body) {
    const res = await fetch(`${baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}
