import { errorCodeAndMessage } from '@rimuru/core';
import { pathToFileURL } from 'node:url';
import Database from 'libsql';
import type { Sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';
import { SQLITE_BUSY_TIMEOUT_MS, acquireWriteLock } from './sqlite-write-lock.js';

type Connection = InstanceType<typeof Database>;
type Statement = ReturnType<Connection['prepare']>;

/** Per-connection settings; the connection is kept for the store's life, so they stick. */
const SQLITE_PRAGMAS = [
  // First: switching to WAL (even when the file already is) takes a lock, and a process that
  // opens the store while others read or write must wait for it, not fail at once.
  `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`,
  'PRAGMA journal_mode = WAL',
  // WAL + NORMAL is durable against application crashes and much faster than FULL.
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
] as const;

/** Distinct statement texts kept prepared; ingest and reads use a few dozen. */
const STATEMENT_CACHE_SIZE = 256;
/** After the busy timeout, how often BEGIN IMMEDIATE is tried again before SQLITE_BUSY reaches the caller. */
const BUSY_RETRIES = 3;

/**
 * Values as Prisma's libsql adapter stores them, so rows written here and rows written by the
 * ORM (maintenance commands) read the same: instants as ISO text with an explicit offset,
 * booleans as 0/1.
 */
function bindable(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    case 'undefined':
      return null;
    default:
      return value instanceof Date ? value.toISOString().replace('Z', '+00:00') : value;
  }
}

function isBusy(error: unknown): boolean {
  return /SQLITE_BUSY|database is locked/i.test(errorCodeAndMessage(error));
}

/**
 * The embedded store's connection: libsql's synchronous native API with statements prepared
 * once and reused (a multi-row insert costs a parse of several kilobytes of SQL otherwise).
 * Integers come back as bigint, so token and money sums never pass through doubles.
 */
export class SqliteRunner implements SqlRunner {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  /** Settles when the open transaction (if any) ends: other callers wait for it. */
  private transactionDone: Promise<void> | null = null;
  /**
   * Writes committed through this runner: one per committed transaction, one per statement
   * outside a transaction that is not a SELECT. With dataVersion() it tells an ingest whether
   * anything but its own transactions wrote since (see ingest-memory.ts).
   */
  private writes = 0;

  private constructor(
    private readonly db: Connection,
    private readonly path: string,
  ) {}

  /**
   * A connection that never writes, on a store the user may read but not change (a read-only
   * mount, a file without write permission): no WAL switch, no migration. SQLite needs the
   * store's -shm file to read a WAL store; where it can neither find nor create it (a read-only
   * folder) the file is read as immutable — nothing can be writing it there.
   */
  static openReadOnly(path: string): SqliteRunner {
    const uri = `${pathToFileURL(path).href}?mode=ro`;
    // The file is opened on first use: read its schema at once, so a failure shows here.
    const connect = (text: string) => {
      const connection = new Database(text);
      connection.prepare('SELECT count(*) FROM sqlite_master').get([]);
      return connection;
    };
    let db: Connection;
    try {
      db = connect(uri);
    } catch (error) {
      if (!/SQLITE_CANTOPEN|unable to open/i.test(errorCodeAndMessage(error))) throw error;
      db = connect(`${uri}&immutable=1`);
    }
    db.defaultSafeIntegers(true);
    db.exec(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    return new SqliteRunner(db, path);
  }

  static open(path: string, busyTimeoutMs: number = SQLITE_BUSY_TIMEOUT_MS): SqliteRunner {
    const db = new Database(path);
    db.defaultSafeIntegers(true);
    for (const pragma of SQLITE_PRAGMAS)
      db.exec(pragma.startsWith('PRAGMA busy_timeout') ? `PRAGMA busy_timeout = ${busyTimeoutMs}` : pragma);
    return new SqliteRunner(db, path);
  }

  private prepared(text: string): Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      if (this.statements.size >= STATEMENT_CACHE_SIZE)
        this.statements.delete(this.statements.keys().next().value as string);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private queryNow<T>(statement: Sql): T[] {
    return this.prepared(statement.sql).all(statement.values.map(bindable)) as T[];
  }

  private executeNow(statement: Sql): number {
    return Number(this.prepared(statement.sql).run(statement.values.map(bindable)).changes);
  }

  get committedWrites(): number {
    return this.writes;
  }

  /** Changes whenever another connection (of any process) commits to the file; this connection's own commits leave it alone. */
  dataVersion(): string {
    const row = this.prepared('PRAGMA data_version').get([]) as Record<string, unknown> | undefined;
    return String(row?.data_version);
  }

  /** Counts a statement run outside a transaction as a write unless it is a plain SELECT (when in doubt, a write). */
  private countWrite(statement: Sql): void {
    if (!/^\s*SELECT\b/i.test(statement.strings[0] ?? '')) this.writes += 1;
  }

  /** Outside a transaction, waits for one opened by another caller (its rows are not ours to see). */
  private async idle(): Promise<void> {
    while (this.transactionDone !== null) await this.transactionDone;
  }

  async query<T = RawRow>(statement: Sql): Promise<T[]> {
    await this.idle();
    try {
      return this.queryNow<T>(statement);
    } finally {
      this.countWrite(statement);
    }
  }

  async execute(statement: Sql): Promise<number> {
    await this.idle();
    try {
      return this.executeNow(statement);
    } finally {
      this.countWrite(statement);
    }
  }

  private async beginImmediate(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.db.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (!isBusy(error) || attempt >= BUSY_RETRIES) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 200)));
      }
    }
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    await this.idle();
    // Other connections of this process (the ORM's, a second store) wait here, not in
    // SQLite's busy handler, which would freeze the event loop (see acquireWriteLock).
    const release = await acquireWriteLock(this.path);
    await this.idle();
    let finished!: () => void;
    this.transactionDone = new Promise((resolve) => {
      finished = resolve;
    });
    try {
      await this.beginImmediate();
      const tx: SqlRunner = {
        dialect: 'sqlite',
        /* eslint-disable @typescript-eslint/require-await -- run now, inside the open transaction; `async` turns a SQL error into a rejection */
        query: async <R>(statement: Sql) => this.queryNow<R>(statement),
        execute: async (statement: Sql) => this.executeNow(statement),
        /* eslint-enable @typescript-eslint/require-await */
        transaction: (nested) => nested(tx),
      };
      try {
        const result = await work(tx);
        this.db.exec('COMMIT');
        this.writes += 1;
        return result;
      } catch (error) {
        // Also after a failed COMMIT, which leaves the transaction open: the connection must
        // not stay inside it, or every later transaction of this store would fail to begin.
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      this.transactionDone = null;
      finished();
      release();
    }
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
