// Whether this device holds the app's database, answered without Dexie (the login screen must
// not load it) and without opening the database (which would create it on a signed-out device).
export const DB_NAME = 'luxchat';

/** undefined where the browser cannot list its databases: then only opening it can tell. */
export async function appDatabasePresent(): Promise<boolean | undefined> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return undefined;
  try {
    return (await indexedDB.databases()).some((d) => d.name === DB_NAME);
  } catch {
    return undefined;
  }
}
