// `npm start`: installs what is missing, starts a local Synapse with two demo users who
// already share a direct chat, builds and serves the app, and prints where to log in.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HS_PORT = Number(process.env.SYNAPSE_PORT ?? 8008);
const APP_PORT = Number(process.env.PORT ?? 3000);
const homeserverUrl = `http://127.0.0.1:${HS_PORT}`;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(join(root, 'node_modules', 'next'))) run('npm', ['ci']);
const { startSynapse } = await import('./synapse.mjs');
const { serveStatic } = await import('./serve.mjs');
const { seedDemo } = await import('./seed-demo.mjs');

console.log('Building the app…');
run('npm', ['run', 'build'], { NEXT_PUBLIC_DEFAULT_HOMESERVER: homeserverUrl, NEXT_TELEMETRY_DISABLED: '1' });

console.log('Starting Synapse…');
// The demo keeps its database between runs, so conversations survive a restart.
const hs = await startSynapse({ name: 'demo', port: HS_PORT, fresh: false });
const users = await seedDemo(hs);
const app = await serveStatic({ port: APP_PORT, homeserverUrl });

console.log(`
Luxchat Web is running: ${app.url}
Homeserver: ${homeserverUrl} (Synapse, data in .synapse/demo)
Demo accounts (they share a direct chat):
${users.map((u) => `  username ${u.username}   password ${u.password}`).join('\n')}
Press Ctrl+C to stop.`);

const stop = async () => {
  await app.close();
  await hs.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
