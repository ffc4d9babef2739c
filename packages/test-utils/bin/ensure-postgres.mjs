#!/usr/bin/env node
// Finds (or, on a machine without one, installs and starts) a PostgreSQL server for tests.
// Plain JS so `.ci/run` can call it before anything is built:
//   node packages/test-utils/bin/ensure-postgres.mjs        → prints the admin URL
//   node packages/test-utils/bin/ensure-postgres.mjs stop   → stops a server this script started
// Order: $RIMURU_TEST_PG_URL, then postgres://postgres@127.0.0.1:5432/postgres if it answers,
// then a private PostgreSQL 15 cluster under /tmp on port 54329 (apt-get install if needed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PRIVATE_PG_PORT = 54329;
export const PRIVATE_PG_DIR = '/tmp/rimuru-test-pg';
const PRIVATE_PG_URL = `postgres://postgres@127.0.0.1:${PRIVATE_PG_PORT}/postgres`;

/** True when `url` accepts a connection and a query within a couple of seconds. */
async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (result.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${result.status}): ${(result.stderr || result.stdout || '').trim()}`,
    );
  }
  return result.stdout;
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb refuses root). */
export function runAsPostgres(bin, args) {
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, args);
}

/** The bin folder of the newest installed PostgreSQL under /usr/lib/postgresql, or null. */
export function findBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(base, versions[0], 'bin') : null;
}

function installPostgres() {
  if (!isRoot())
    throw new Error('PostgreSQL is not installed and installing it needs root (apt-get install postgresql).');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', 'postgresql'], { env });
}

/** Starts (initialising if needed) the private test cluster; returns its admin URL. */
async function startPrivatePostgres() {
  let bin = findBinDir();
  if (bin === null) {
    installPostgres();
    bin = findBinDir();
    if (bin === null) throw new Error('apt-get installed postgresql but no initdb was found under /usr/lib/postgresql');
  }
  const data = join(PRIVATE_PG_DIR, 'data');
  if (!existsSync(join(data, 'PG_VERSION'))) {
    mkdirSync(PRIVATE_PG_DIR, { recursive: true });
    if (isRoot()) run('chown', ['postgres:postgres', PRIVATE_PG_DIR]);
    runAsPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  }
  runAsPostgres(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(PRIVATE_PG_DIR, 'server.log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${PRIVATE_PG_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${PRIVATE_PG_DIR} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  return PRIVATE_PG_URL;
}

/** Stops the private cluster if it runs. */
export function stopPrivatePostgres() {
  const bin = findBinDir();
  const data = join(PRIVATE_PG_DIR, 'data');
  if (bin === null || !existsSync(join(data, 'postmaster.pid'))) return;
  runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
}

/**
 * The admin URL of a usable server and whether this call started it (the caller then stops
 * it with stopPrivatePostgres when done).
 */
export async function ensurePostgres(env = process.env) {
  const fromEnv = env.RIMURU_TEST_PG_URL;
  if (fromEnv) return { url: fromEnv, started: false };
  if (await canConnect(DEFAULT_PG_URL)) return { url: DEFAULT_PG_URL, started: false };
  if (await canConnect(PRIVATE_PG_URL)) return { url: PRIVATE_PG_URL, started: false };
  return { url: await startPrivatePostgres(), started: true };
}

async function main() {
  if (process.argv[2] === 'stop') {
    stopPrivatePostgres();
    return;
  }
  const { url } = await ensurePostgres();
  process.stdout.write(`${url}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`ensure-postgres: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
