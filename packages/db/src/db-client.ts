import type { Prisma, PrismaClient } from './generated/postgres/client.js';
import { pgConnectionString } from './pg-url.js';

/** How long a connect may take before the store reports the server unreachable. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Prisma Client with its pg driver adapter: PostgreSQL's connection (pool) under the runner.
 * Only its raw-query methods are used. Internal to the package: no Prisma type is exported.
 */
export type DbClient = PrismaClient;
export type DbTx = Prisma.TransactionClient;

export interface OpenedClient {
  db: DbClient;
  /** Releases the client and its driver resources. */
  close(): Promise<void>;
}

/*
 * Imported only when a PostgreSQL store opens: a SQLite user never pays for loading `pg` or the
 * ORM. The client is the connection under the runner (raw SQL only, see prisma-runner.ts).
 */

export async function openPostgresClient(url: string): Promise<OpenedClient> {
  const [{ PrismaClient: PgPrismaClient }, { PrismaPg }, { default: pg }] = await Promise.all([
    import('./generated/postgres/client.js'),
    import('@prisma/adapter-pg'),
    import('pg'),
  ]);
  const pool = new pg.Pool({
    connectionString: pgConnectionString(url),
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    max: 4,
    // The adapter sends instants as zone-less UTC text: the session zone must be UTC, or a
    // server configured for another zone would shift every stored timestamp.
    options: '-c TimeZone=UTC',
  });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  // Connect once now: an unreachable server or a refused password fails at once with the
  // driver's own error (the ORM would retry for seconds first); the client stays in the pool.
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const client = new PgPrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db: client,
    close: async () => {
      await client.$disconnect();
      await pool.end();
    },
  };
}
