// The service worker's caches of the app's own files (no user data): logout keeps them.

/** The app's files beyond the shell (chat screens, SDK, crypto), cached once someone signs in. */
export const APP_CACHE = 'luxchat-app';

/** Workbox's precache (the shell) and the app's cache. */
export const APP_FILE_CACHES = /^(workbox-precache-|luxchat-app$)/;
