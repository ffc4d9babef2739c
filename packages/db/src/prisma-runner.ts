import type { DbClient, DbTx } from './db-client.js';
import type { Sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';
import type { StoreDialect } from './store.js';

/** Imports, replication batches and repricing write thousands of rows in one transaction; Prisma's 5 s default is too short. */
export const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 600_000 } as const;

function placeholders(dialect: StoreDialect, statement: Sql): string {
  return dialect === 'postgres' ? statement.text : statement.sql;
}

/** A runner over a Prisma transaction (or client): the ORM's driver adapter maps the values. */
export function prismaTxRunner(tx: DbTx, dialect: StoreDialect): SqlRunner {
  const runner: SqlRunner = {
    dialect,
    query: <T = RawRow>(statement: Sql) => tx.$queryRawUnsafe<T[]>(placeholders(dialect, statement), ...statement.values),
    execute: (statement: Sql) => tx.$executeRawUnsafe(placeholders(dialect, statement), ...statement.values),
    transaction: (work) => work(runner),
  };
  return runner;
}

/** A runner over a Prisma client: transactions are the ORM's interactive transactions. */
export function prismaRunner(db: DbClient, dialect: StoreDialect): SqlRunner {
  return {
    ...prismaTxRunner(db, dialect),
    transaction: (work) => db.$transaction((tx) => work(prismaTxRunner(tx, dialect)), TRANSACTION_OPTIONS),
  };
}
