import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Prisma, PrismaClient } from './generated/postgres/client.js';
import { POSTGRES_CONNECT_TIMEOUT_MS } from './migration-connection.js';
import { RimuruLibSql, SQLITE_PRAGMAS } from './sqlite-driver.js';

/**
 * The typed client used by repositories. Both generated clients have the same model API
 * (the SQLite schema is derived from the PostgreSQL one, native types stripped), so the
 * SQLite client is typed as the PostgreSQL one: one code path for both dialects.
 * Internal to the package: no Prisma type is exported from src/index.ts.
 */
export type DbClient = PrismaClient;
export type DbTx = Prisma.TransactionClient;

export interface OpenedClient {
  db: DbClient;
  /** Releases the client and its driver resources. */
  close(): Promise<void>;
}

export async function openSqliteClient(path: string): Promise<OpenedClient> {
  const { PrismaClient: SqlitePrismaClient } = await import('./generated/sqlite/client.js');
  const client = new SqlitePrismaClient({ adapter: new RimuruLibSql(path) });
  const db = client as unknown as DbClient;
  // One connection for the store's life (see RimuruLibSql), so these stick.
  for (const pragma of SQLITE_PRAGMAS) await db.$queryRawUnsafe(pragma);
  return { db, close: () => client.$disconnect() };
}

export async function openPostgresClient(url: string): Promise<OpenedClient> {
  const { PrismaClient: PgPrismaClient } = await import('./generated/postgres/client.js');
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    max: 4,
    // The adapter sends instants as zone-less UTC text: the session zone must be UTC, or a
    // server configured for another zone would shift every stored timestamp.
    options: '-c TimeZone=UTC',
  });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const client = new PgPrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db: client,
    close: async () => {
      await client.$disconnect();
      await pool.end();
    },
  };
}
