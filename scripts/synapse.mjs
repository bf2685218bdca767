// A local Synapse homeserver for tests and for the demo: installed from PyPI into a
// project-local virtualenv on first use, configured for loopback only, started and stopped
// without leaving a process behind.
//
// As a module:  const hs = await startSynapse({ name: 'e2e', port: 18008 }); … await hs.stop();
// As a command: node scripts/synapse.mjs install
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SYNAPSE_VERSION = '1.163.2';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(root, '.synapse-venv');
const python = join(venv, 'bin', 'python');

/** Installs matrix-synapse into .synapse-venv unless that exact version is already there. */
export function installSynapse() {
  // The `oidc` extra (authlib) lets a test sign in through a local OpenID Connect provider.
  const probe = existsSync(python)
    ? spawnSync(python, ['-c', 'import importlib.metadata as m; import authlib; print(m.version("matrix-synapse"))'], { encoding: 'utf8' })
    : null;
  if (probe?.status === 0 && probe.stdout.trim() === SYNAPSE_VERSION) return;
  console.log(`Installing Synapse ${SYNAPSE_VERSION} into .synapse-venv (first use only)…`);
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  };
  if (!existsSync(python)) run('python3', ['-m', 'venv', venv]);
  run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `matrix-synapse[oidc]==${SYNAPSE_VERSION}`]);
}

// Generous limits so tests are never throttled by accident; `rateLimited: true` keeps
// Synapse's own defaults, and `messageRate` throttles sending messages only.
const relaxedLimits = `
rc_registration: { per_second: 10000, burst_count: 10000 }
rc_login:
  address: { per_second: 10000, burst_count: 10000 }
  account: { per_second: 10000, burst_count: 10000 }
  failed_attempts: { per_second: 10000, burst_count: 10000 }
rc_joins:
  local: { per_second: 10000, burst_count: 10000 }
  remote: { per_second: 10000, burst_count: 10000 }
rc_joins_per_room: { per_second: 10000, burst_count: 10000 }
rc_invites:
  per_room: { per_second: 10000, burst_count: 10000 }
  per_user: { per_second: 10000, burst_count: 10000 }
  per_issuer: { per_second: 10000, burst_count: 10000 }
rc_key_requests: { per_second: 10000, burst_count: 10000 }
rc_3pid_validation: { per_second: 10000, burst_count: 10000 }
rc_admin_redaction: { per_second: 10000, burst_count: 10000 }
rc_room_creation: { per_second: 10000, burst_count: 10000 }
rc_presence:
  per_user: { per_second: 10000, burst_count: 10000 }
rc_delayed_event_mgmt: { per_second: 10000, burst_count: 10000 }
rc_media_create: { per_second: 10000, burst_count: 10000 }
`;

function writeConfig(dir, { port, serverName, secret, rateLimited, messageRate, maxUploadSize, refreshableTokenLifetime, extraConfig }) {
  const rcMessage = messageRate
    ? `rc_message: { per_second: ${messageRate.perSecond}, burst_count: ${messageRate.burst} }\n`
    : 'rc_message: { per_second: 10000, burst_count: 10000 }\n';
  const logConfig = join(dir, 'log.yaml');
  writeFileSync(
    logConfig,
    `version: 1
formatters:
  precise: { format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s' }
handlers:
  file: { class: logging.FileHandler, formatter: precise, filename: ${join(dir, 'homeserver.log')} }
root: { level: WARNING, handlers: [file] }
disable_existing_loggers: false
`,
  );
  const config = join(dir, 'homeserver.yaml');
  writeFileSync(
    config,
    `server_name: "${serverName}"
public_baseurl: "http://127.0.0.1:${port}/"
pid_file: ${join(dir, 'homeserver.pid')}
listeners:
  - port: ${port}
    bind_addresses: ['127.0.0.1']
    type: http
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args: { database: ${join(dir, 'homeserver.db')} }
log_config: ${logConfig}
media_store_path: ${join(dir, 'media')}
signing_key_path: ${join(dir, 'signing.key')}
registration_shared_secret: "${secret}"
macaroon_secret_key: "${randomBytes(24).toString('hex')}"
form_secret: "${randomBytes(24).toString('hex')}"
report_stats: false
enable_registration: false
trusted_key_servers: []
suppress_key_server_warning: true
presence: { enabled: false }
url_preview_enabled: false
${maxUploadSize ? `max_upload_size: ${maxUploadSize}\n` : ''}${refreshableTokenLifetime ? `refreshable_access_token_lifetime: ${refreshableTokenLifetime}\n` : ''}${rateLimited ? '' : rcMessage + relaxedLimits}${extraConfig ?? ''}`,
  );
  return config;
}

async function waitForVersions(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Synapse exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/_matrix/client/versions`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Synapse did not answer on ${baseUrl} within ${timeoutMs} ms`);
}

/**
 * Starts Synapse on 127.0.0.1:port with its data in .synapse/<name>.
 * `fresh` (default true) starts from an empty database; false keeps it (a restart).
 */
/**
 * `maxUploadSize`: Synapse's `max_upload_size` ("2M"), small in tests so a refusal can be shown.
 * `refreshableTokenLifetime`: `refreshable_access_token_lifetime` ("60s"): clients that ask for
 * refresh tokens get access tokens that expire.
 * `extraConfig`: YAML appended to homeserver.yaml (an OpenID Connect provider, say).
 */
export async function startSynapse({ name = 'e2e', port = 18008, fresh = true, rateLimited = false, messageRate, maxUploadSize, refreshableTokenLifetime, extraConfig } = {}) {
  installSynapse();
  const dir = join(root, '.synapse', name);
  if (fresh) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const secret = 'luxchat-local-shared-secret';
  const serverName = 'localhost';
  const config = writeConfig(dir, { port, serverName, secret, rateLimited, messageRate, maxUploadSize, refreshableTokenLifetime, extraConfig });
  if (!existsSync(join(dir, 'signing.key'))) {
    const r = spawnSync(python, ['-m', 'synapse.app.homeserver', '-c', config, '--generate-keys'], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`Synapse key generation failed: ${r.stderr}`);
  }
  const out = openSync(join(dir, 'stdout.log'), 'a');
  const child = spawn(python, ['-m', 'synapse.app.homeserver', '-c', config], {
    stdio: ['ignore', out, out],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  try {
    await waitForVersions(baseUrl, child, 120_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }

  return {
    baseUrl,
    serverName,
    dir,
    pid: child.pid,
    /** Registers a user with the shared-secret admin API and returns its login. */
    registerUser: (username, password, admin = false) =>
      registerUser(baseUrl, secret, username, password, admin),
    /** Kills Synapse at once (SIGKILL), as a crash would, and waits for the process to end. */
    kill: async () => {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const ended = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await ended;
    },
    /** Stops Synapse (SIGTERM, then SIGKILL after 10 s) and waits for the process to end. */
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const ended = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await ended;
      clearTimeout(timer);
    },
  };
}

export async function registerUser(baseUrl, secret, username, password, admin = false) {
  const url = `${baseUrl}/_synapse/admin/v1/register`;
  const { nonce } = await (await fetch(url)).json();
  const mac = createHmac('sha1', secret)
    .update([nonce, username, password, admin ? 'admin' : 'notadmin'].join('\0'))
    .digest('hex');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nonce, username, password, admin, mac }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`register ${username}: ${res.status} ${JSON.stringify(body)}`);
  return { userId: body.user_id, accessToken: body.access_token, deviceId: body.device_id };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === 'install') installSynapse();
  else {
    console.error('usage: node scripts/synapse.mjs install');
    process.exit(2);
  }
}
