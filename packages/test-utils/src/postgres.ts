import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_PG_URL } from '../bin/ensure-postgres.mjs';

export interface TestDatabase {
  /** URL of the fresh database (same server and credentials as the admin URL). */
  url: string;
  /** Drops the database (terminating leftover connections). */
  drop: () => Promise<void>;
}

/** The admin URL global-setup found, or the machines' default server. */
function testAdminUrl(): string {
  return process.env['RIMURU_TEST_PG_URL'] ?? DEFAULT_PG_URL;
}

async function withAdmin<T>(adminUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const setupError = process.env['RIMURU_TEST_PG_SETUP_ERROR'];
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`No test PostgreSQL server at ${adminUrl}: ${setupError ?? reason}`, { cause: error });
  }
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh, uniquely named database on the test server (CREATE DATABASE takes ≈60 ms). */
export async function createTestDatabase(adminUrl = testAdminUrl()): Promise<TestDatabase> {
  const name = `rimuru_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  // The name is generated here from [a-z0-9_] only, so interpolating it is safe.
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
