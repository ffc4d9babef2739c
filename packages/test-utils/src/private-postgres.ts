import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findBinDir, isRoot, runAsPostgres } from '../bin/ensure-postgres.mjs';

/**
 * A throwaway PostgreSQL cluster of its own, for tests that need what the shared test server
 * cannot give without disturbing everyone else: password authentication (the shared server
 * trusts local connections) and TLS on or off. Costs ≈1–2 s to create; always `stop()` it.
 */
export interface PrivatePostgres {
  readonly port: number;
  /** The superuser's password (the cluster refuses any other). */
  readonly password: string;
  /** Folder holding data, socket and, with `ssl`, `server.crt` (usable as `sslrootcert`). */
  readonly dir: string;
  /** Path of the self-signed certificate when started with `ssl`, else null. */
  readonly certFile: string | null;
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres` with the password URL-encoded. */
  url(password?: string): string;
  /** Runs one query as the superuser (over the unix socket, so it works on a TLS-only cluster too). */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Stops the server and removes its folder. Safe to call twice. */
  stop(): void;
}

export interface PrivatePostgresOptions {
  password: string;
  /**
   * Serve TLS with a fresh self-signed certificate for CN=localhost / 127.0.0.1, and refuse
   * unencrypted TCP connections (so a client that connects provably used TLS).
   */
  ssl?: boolean;
}

/** True when a PostgreSQL server binary is installed here (the tests that need one skip otherwise). */
export function canStartPrivatePostgres(): boolean {
  return findBinDir() !== null;
}

/** A port nobody listens on right now (the OS picks it; released before PostgreSQL takes it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root, so everything it reads must belong to `postgres`. */
function giveToPostgres(path: string): void {
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', path]);
}

function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  // The server refuses a key that group or others can read.
  chmodSync(key, 0o600);
  return { cert, key };
}

/** Creates and starts a scram-sha-256 cluster on a free port under a fresh temp folder. */
export async function startPrivatePostgresWithPassword(opts: PrivatePostgresOptions): Promise<PrivatePostgres> {
  const bin = findBinDir();
  if (bin === null) throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'rimuru-pg-auth-'));
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${opts.password}\n`, { mode: 0o600 });
  const tls = opts.ssl === true ? makeCertificate(dir) : null;
  giveToPostgres(dir);
  const port = await freePort();
  let started = false;
  const stop = (): void => {
    if (started && existsSync(join(data, 'postmaster.pid'))) {
      runAsPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    }
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    runAsPostgres(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=scram-sha-256',
      `--pwfile=${pwfile}`,
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    if (tls !== null) {
      writeFileSync(
        join(data, 'pg_hba.conf'),
        [
          'local all all scram-sha-256',
          'hostssl all all 127.0.0.1/32 scram-sha-256',
          'hostnossl all all 127.0.0.1/32 reject',
          '',
        ].join('\n'),
      );
      giveToPostgres(join(data, 'pg_hba.conf'));
    }
    const settings = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      ...(tls === null ? ['-c ssl=off'] : ['-c ssl=on', `-c ssl_cert_file=${tls.cert}`, `-c ssl_key_file=${tls.key}`]),
    ];
    started = true;
    runAsPostgres(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '30',
      '-o',
      settings.join(' '),
      'start',
    ]);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    port,
    password: opts.password,
    dir,
    certFile: tls?.cert ?? null,
    url: (password = opts.password) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    query: async (sql, params = []) => {
      const client = new pg.Client({
        host: dir,
        port,
        user: 'postgres',
        password: opts.password,
        database: 'postgres',
      });
      client.on('error', () => undefined);
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as Record<string, unknown>[];
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    stop,
  };
}
