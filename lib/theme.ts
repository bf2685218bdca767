/**
 * Light, dark or the system's theme. A device preference kept in localStorage rather than
 * Dexie: the inline script in the page's <head> must read it synchronously, before the first
 * paint, so that the page never flashes in the wrong theme.
 */
export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_KEY = 'luxchat-theme';

/** Runs in <head> before anything paints: html[data-theme] is the resolved theme. */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem('${THEME_KEY}');var d=c==='dark'||(c!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.dataset.theme=d?'dark':'light'}catch(e){}})()`;

export function themeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Applies the choice to this page (as the head script does at load). */
export function applyTheme(choice: ThemeChoice = themeChoice()): void {
  const dark = choice === 'dark' || (choice === 'system' && systemDark());
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  applyTheme(choice);
}

/** Follows the system's theme while the choice is "system", and a choice made in another tab. Returns the stop. */
export function watchTheme(): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => applyTheme();
  const onStorage = (e: StorageEvent) => {
    if (e.key === THEME_KEY || e.key === null) applyTheme();
  };
  media.addEventListener('change', onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    media.removeEventListener('change', onChange);
    window.removeEventListener('storage', onStorage);
  };
}
