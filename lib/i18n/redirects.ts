/**
 * The root page sends the browser on to its language's page. A static host that answers every
 * unknown path with the root page (`serve -s`, say) would send it back, forever: the turns are
 * counted for this tab, and the language's page resets the count when it loads.
 */
const MAX_TURNS = 2;
const KEY = 'luxchat-redirects';

/** Whether the root page may redirect once more (and counts the turn). */
export function mayRedirect(): boolean {
  try {
    const turns = Number(sessionStorage.getItem(KEY) ?? 0);
    if (turns >= MAX_TURNS) {
      sessionStorage.removeItem(KEY);
      return false;
    }
    sessionStorage.setItem(KEY, String(turns + 1));
  } catch {
    // No session storage: redirect, as before.
  }
  return true;
}

/** Where the root page sends the browser: at another path, it stands in for a missing page. */
export function localePageUrl(locale: string, { pathname, hash }: Pick<Location, 'pathname' | 'hash'>): string {
  return `/${locale}/${pathname === '/' ? '' : 'index.html'}${hash}`;
}

/** A language's page has loaded: the redirects that led here are over. */
export function redirectsArrived(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing counted
  }
}
