import { createClient, type Client, type Config, type InStatement, type ResultSet, type Transaction } from '@libsql/client';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { sqliteConfig } from './sqlite-config.js';
import { SQLITE_BUSY_TIMEOUT_MS, acquireWriteLock } from './sqlite-write-lock.js';

export { SQLITE_BUSY_TIMEOUT_MS, sqliteConfig };

/** After the busy timeout, how often BEGIN IMMEDIATE is tried again before SQLITE_BUSY reaches the caller. */
const BUSY_RETRIES = 3;

function isBusy(error: unknown): boolean {
  const text = `${(error as { code?: unknown }).code ?? ''} ${(error as Error).message ?? ''}`;
  return /SQLITE_BUSY|database is locked/i.test(text);
}

/**
 * BEGIN IMMEDIATE waits up to the busy timeout for another process's write; a writer that
 * holds the file longer (a huge first import) gets a few more rounds, with a pause that lets
 * this process's event loop breathe, instead of failing the whole sync.
 */
async function beginImmediate(client: Client): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.execute('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_RETRIES) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 200)));
    }
  }
}

/**
 * libsql's client hands its connection to each transaction and lazily opens a new one, so
 * per-connection pragmas (synchronous, busy_timeout) are lost and the old connection lingers
 * until GC. This wrapper runs transactions on the one connection instead (Prisma's adapter
 * already serialises queries while a transaction is open) and begins them IMMEDIATE: every
 * transaction Rimuru opens writes, and a deferred read-then-write fails with SQLITE_BUSY
 * instead of waiting when another process writes. See acquireWriteLock for same-process writers.
 */
export function singleConnectionClient(client: Client, path: string): Client {
  const transaction = async (): Promise<Transaction> => {
    const release = await acquireWriteLock(path);
    try {
      await beginImmediate(client);
    } catch (error) {
      release();
      throw error;
    }
    let open = true;
    const finish = async (sql: 'COMMIT' | 'ROLLBACK'): Promise<void> => {
      if (!open) return;
      open = false;
      try {
        await client.execute(sql);
      } finally {
        release();
      }
    };
    const tx: Pick<Transaction, 'execute' | 'commit' | 'rollback' | 'close' | 'closed'> = {
      execute: (stmt: InStatement): Promise<ResultSet> => client.execute(stmt),
      commit: () => finish('COMMIT'),
      rollback: () => finish('ROLLBACK'),
      close: () => {
        if (open) void finish('ROLLBACK');
      },
      get closed() {
        return !open;
      },
    };
    return tx as Transaction;
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Prisma's libsql adapter factory over a single-connection client. */
export class RimuruLibSql extends PrismaLibSql {
  constructor(private readonly path: string) {
    super(sqliteConfig(path));
  }

  override createClient(config: Config): Client {
    return singleConnectionClient(createClient(config), this.path);
  }
}

export { SQLITE_PRAGMAS } from './sqlite-runner.js';
