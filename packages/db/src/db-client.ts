import type { Prisma, PrismaClient } from './generated/postgres/client.js';
import { POSTGRES_CONNECT_TIMEOUT_MS } from './migration-connection.js';
import { pgConnectionString } from './pg-url.js';

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

/*
 * Each dialect's driver, adapter and generated client are imported only when a store of that
 * dialect opens: a SQLite user never pays for loading `pg`, nor a PostgreSQL user for libsql.
 */

export async function openSqliteClient(path: string): Promise<OpenedClient> {
  const [{ PrismaClient: SqlitePrismaClient }, { RimuruLibSql, SQLITE_PRAGMAS }] = await Promise.all([
    import('./generated/sqlite/client.js'),
    import('./sqlite-driver.js'),
  ]);
  const client = new SqlitePrismaClient({ adapter: new RimuruLibSql(path) });
  const db = client as unknown as DbClient;
  // One connection for the store's life (see RimuruLibSql), so these stick.
  for (const pragma of SQLITE_PRAGMAS) await db.$queryRawUnsafe(pragma);
  return { db, close: () => client.$disconnect() };
}

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
  const client = new PgPrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db: client,
    close: async () => {
      await client.$disconnect();
      await pool.end();
    },
  };
}
