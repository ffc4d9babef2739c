import type { Pool, PoolClient, QueryResult } from 'pg';
import { pgConnectionString } from './pg-url.js';
import type { Sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';

/** How long a connect may take before the store reports the server unreachable. */
const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

/** PostgreSQL's type oid of BIGINT (int8): COUNT(*), SUMs cast to BIGINT, token and money columns. */
const INT8_OID = 20;

/** Anything that runs a parameterised statement: the pool (one statement) or a checked-out client (a transaction). */
interface Queryable {
  query(config: { text: string; values: unknown[] }): Promise<QueryResult>;
}

function runnerOver(target: Queryable, transaction: SqlRunner['transaction']): SqlRunner {
  const run = (statement: Sql) => target.query({ text: statement.text, values: statement.values });
  return {
    dialect: 'postgres',
    query: async <T = RawRow>(statement: Sql) => (await run(statement)).rows as T[],
    execute: async (statement: Sql) => (await run(statement)).rowCount ?? 0,
    transaction,
  };
}

async function inTransaction<T>(client: PoolClient, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  const tx: SqlRunner = runnerOver(client, (nested) => nested(tx));
  await client.query('BEGIN');
  try {
    const result = await work(tx);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export interface PgConnection {
  sql: SqlRunner;
  close(): Promise<void>;
}

/**
 * A PostgreSQL store's connection: node-postgres's pool under the runner, plain SQL, no ORM.
 * Loading the ORM's client and query compiler cost a read command more than its queries on a
 * team server (≈ 0.4 s of CPU a start), and a push paid the ORM's value mapping per bound
 * parameter. Values come back as the runner's other dialect expects them (raw-values.ts):
 * BIGINT as bigint, instants as Date, booleans as booleans, NUMERIC as exact text.
 */
export async function openPgConnection(url: string): Promise<PgConnection> {
  const { default: pg } = await import('pg');
  const pool: Pool = new pg.Pool({
    connectionString: pgConnectionString(url),
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    max: 4,
    // Instants are compared and bucketed as UTC: the session zone must not depend on the server's.
    // A report of a 30-day team history groups ~0.1 M summary rows: at the default 4 MB the
    // planner sorts them on disk instead of hashing them in memory (4× slower, bench/README.md).
    options: '-c TimeZone=UTC -c work_mem=32MB',
    // pg-types declares each parser as returning any: it turns one value's text into a value.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (text: string) => BigInt(text)
          : (pg.types.getTypeParser(oid, format) as (text: string) => unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  // Connect once now: an unreachable server or a refused password fails at once, with the
  // driver's own error; the client stays in the pool.
  try {
    (await pool.connect()).release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const ignore = () => undefined;
  const sql = runnerOver(pool, async (work) => {
    const client = await pool.connect();
    // A connection lost mid-transaction fails the statement in flight; its 'error' event must
    // not also crash the process (the pool listens only while a client is idle).
    client.on('error', ignore);
    try {
      return await inTransaction(client, work);
    } finally {
      client.off('error', ignore);
      client.release();
    }
  });
  return { sql, close: () => pool.end() };
}
