import type { Sql } from './sql.js';
import type { StoreDialect } from './store.js';

/** A row as a driver returns it; read columns with the helpers of raw-values.ts. */
export type RawRow = Record<string, unknown>;

/**
 * What the store's hot paths (ingest, checkpoints, session and usage reads) need from a
 * database: parameterised SQL and write transactions. No ORM runtime is involved, so a read
 * command on an embedded store never loads Prisma's client or query compiler.
 */
export interface SqlRunner {
  readonly dialect: StoreDialect;
  query<T = RawRow>(statement: Sql): Promise<T[]>;
  /** Runs a statement that returns no rows; resolves to the number of rows it changed. */
  execute(statement: Sql): Promise<number>;
  /**
   * Runs `work` in one write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: a server
   * transaction) and commits, or rolls back when it throws.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}
