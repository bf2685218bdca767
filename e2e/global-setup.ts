import { serveStatic } from '../scripts/serve.mjs';
import { startSynapse } from '../scripts/synapse.mjs';
import { APP_PORT, HOMESERVER_PORT, HOMESERVER_URL } from './ports';

/** A fresh Synapse and the built app for this run; the returned function stops both. */
export default async function globalSetup() {
  const homeserver = await startSynapse({ name: 'e2e', port: HOMESERVER_PORT, fresh: true, maxUploadSize: '2M' });
  const app = await serveStatic({ port: APP_PORT, homeserverUrl: HOMESERVER_URL });
  return async () => {
    await app.close();
    await homeserver.stop();
  };
}
