import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { serveStatic } from '../scripts/serve.mjs';
import { startSynapse } from '../scripts/synapse.mjs';
import { CSP_REPORTS, expectedViolation } from './csp';
import { APP_PORT, HOMESERVER_PORT, HOMESERVER_URL } from './ports';

/**
 * A fresh Synapse and the built app for this run, served with its Content Security Policy;
 * the returned function stops both, and fails the run if any page broke the policy other than
 * where a test meant it to.
 */
export default async function globalSetup() {
  const homeserver = await startSynapse({ name: 'e2e', port: HOMESERVER_PORT, fresh: true, maxUploadSize: '2M' });
  mkdirSync('test-results', { recursive: true });
  writeFileSync(CSP_REPORTS, '');
  const app = await serveStatic({
    port: APP_PORT,
    homeserverUrl: HOMESERVER_URL,
    // The shared homeserver and the ones some tests start for themselves, all on loopback.
    connectSrc: ['http://127.0.0.1:*'],
    onViolation: (report) => appendFileSync(CSP_REPORTS, `${JSON.stringify(report)}\n`),
  });
  return async () => {
    await app.close();
    await homeserver.stop();
    const unexpected = readFileSync(CSP_REPORTS, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((report) => !expectedViolation(report));
    if (unexpected.length) throw new Error(`Content Security Policy violations:\n${unexpected.map((r) => JSON.stringify(r)).join('\n')}`);
  };
}
