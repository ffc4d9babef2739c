import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// `pg` and the test server helpers live in @rimuru/test-utils (the bench has no dependencies of its own).
const testUtils = new URL('../../packages/test-utils/', import.meta.url);
const pg = createRequire(new URL('package.json', testUtils))('pg');
const { ensurePostgres, stopPrivatePostgres, PRIVATE_PG_DIR } = await import(
  new URL('../../packages/test-utils/bin/ensure-postgres.mjs', import.meta.url).href
);

export const BENCH_DATABASE = 'rimuru_bench_team';
/** An empty team database beside it: what a read costs with no history (start-up, connection, schema check). */
const EMPTY_DATABASE = `${BENCH_DATABASE}_empty`;

/** Runs `use` with a client on `url`, closed afterwards. */
export async function withClient(url, use) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Where the server writes its log (for auto_explain's plans): RIMURU_BENCH_PG_LOG, the private
 * cluster's file, or Debian's /var/log/postgresql/postgresql-<version>-<cluster>.log for a
 * cluster under /var/lib/postgresql/<version>/<cluster>; null when unknown or unreadable.
 */
async function serverLog(adminUrl, started) {
  if (process.env.RIMURU_BENCH_PG_LOG) return process.env.RIMURU_BENCH_PG_LOG;
  if (started) return join(PRIVATE_PG_DIR, 'server.log');
  const dataDir = await withClient(
    adminUrl,
    async (c) => (await c.query('SHOW data_directory')).rows[0].data_directory,
  ).catch(() => null);
  const debian = /\/postgresql\/(\d+)\/([^/]+)\/?$/.exec(dataDir ?? '');
  const path = debian === null ? null : `/var/log/postgresql/postgresql-${debian[1]}-${debian[2]}.log`;
  return path !== null && existsSync(path) ? path : null;
}

/**
 * The bench's database: a PostgreSQL at RIMURU_BENCH_PG_URL, else 127.0.0.1:5432 (trust auth),
 * else a private cluster started here (as the test suite does); a fresh `rimuru_bench_team`
 * in it. `close` drops it (unless `keep`) and stops a cluster this call started.
 */
export async function openBenchDatabase({ keep }) {
  const { url: adminUrl, started } = await ensurePostgres({ RIMURU_TEST_PG_URL: process.env.RIMURU_BENCH_PG_URL });
  // The name is a constant of this file: interpolating it is safe.
  const names = [BENCH_DATABASE, EMPTY_DATABASE];
  await withClient(adminUrl, async (c) => {
    for (const name of names) {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name}`);
    }
  });
  const urlOf = (name) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    adminUrl,
    url: urlOf(BENCH_DATABASE),
    emptyUrl: urlOf(EMPTY_DATABASE),
    started,
    log: await serverLog(adminUrl, started),
    close: async () => {
      await withClient(adminUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${EMPTY_DATABASE} WITH (FORCE)`);
        if (!keep) await c.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
      });
      if (started && !keep) stopPrivatePostgres();
    },
  };
}
