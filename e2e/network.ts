import type { BrowserContext } from '@playwright/test';

/**
 * Cuts the homeserver off for every page of the context and its service worker
 * (`setOffline` does not reach service workers; a route abort does).
 */
export async function cut(context: BrowserContext, homeserverUrl: string): Promise<void> {
  await context.route(`${homeserverUrl}/**`, (route) => route.abort('internetdisconnected'));
}

export async function restore(context: BrowserContext, homeserverUrl: string): Promise<void> {
  await context.unroute(`${homeserverUrl}/**`);
}

/** Cuts and restores the homeserver every `periodMs` until the returned stop is awaited. */
export function flap(context: BrowserContext, homeserverUrl: string, periodMs: number, maxMs: number) {
  let down = false;
  let stopped = false;
  const until = Date.now() + maxMs; // bounded even if the test forgets to stop it
  const loop = (async () => {
    while (!stopped && Date.now() < until) {
      down = !down;
      if (down) await cut(context, homeserverUrl);
      else await restore(context, homeserverUrl);
      await new Promise((r) => setTimeout(r, periodMs));
    }
    if (down) await restore(context, homeserverUrl);
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}
