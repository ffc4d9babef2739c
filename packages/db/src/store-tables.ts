import { emptySql, rawSql, sql, Sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import {
  AGENT_TABLE,
  bindValue,
  BUDGET_TABLE,
  columnListSql,
  META_TABLE,
  MODEL_PRICE_TABLE,
  readTableRow,
  SESSION_TABLE,
  SOURCE_FILE_TABLE,
  USAGE_TABLE,
  type TableSpec,
} from './table-rows.js';

type Row = Record<string, unknown>;

/** One table of the store as export/import sees it: pages in key order, bulk insert, emptiness. */
export interface StoreTable {
  /** SQL table name, also the `table` of each NDJSON line. */
  name: string;
  spec: TableSpec;
  /** Rows after `after` (the key of the last row of the previous page), in key order, keyed by schema field. */
  page(db: SqlRunner, after: string | bigint | null, take: number): Promise<Row[]>;
  key(row: Row): string | bigint;
  /** One multi-row INSERT (keep `rows` under the bound-parameter limits: see rowsPerInsert). */
  insert(tx: SqlRunner, rows: readonly Row[]): Promise<void>;
  removeAll(tx: SqlRunner): Promise<void>;
  /** PostgreSQL serial sequence to move past imported ids (SQLite's AUTOINCREMENT follows by itself). */
  serial: boolean;
}

/** Bound parameters per statement: under SQLite's 32766 and PostgreSQL's 65535. */
const MAX_PARAMETERS = 30_000;

/** Rows one INSERT of `table` may carry. */
export function rowsPerInsert(table: StoreTable): number {
  return Math.max(1, Math.min(1000, Math.floor(MAX_PARAMETERS / table.spec.columns.length)));
}

/**
 * The text pieces of `INSERT … VALUES (?, …), …` for `rows` rows, built once per row count:
 * an import binds one flat value list to them instead of nesting a template per row.
 */
function insertPieces(spec: TableSpec, rows: number, cache: Map<number, string[]>): string[] {
  let pieces = cache.get(rows);
  if (pieces === undefined) {
    const columns = spec.columns.map((c) => `"${c.column}"`).join(', ');
    pieces = [`INSERT INTO "${spec.name}" (${columns}) VALUES (`];
    for (let r = 0; r < rows; r++) {
      for (let c = 1; c < spec.columns.length; c++) pieces.push(', ');
      pieces.push(r === rows - 1 ? ')' : '), (');
    }
    cache.set(rows, pieces);
  }
  return pieces;
}

function storeTable(spec: TableSpec, serial: boolean): StoreTable {
  const pieces = new Map<number, string[]>();
  // Names come from the constant specs above, never from a file.
  const name = rawSql(`"${spec.name}"`);
  const key = rawSql(`"${spec.key}"`);
  const columns = columnListSql(spec);
  const keyField = spec.columns.find((c) => c.column === spec.key)!.field;
  return {
    name: spec.name,
    spec,
    page: async (db, after, take) => {
      const rows = await db.query(sql`SELECT ${columns} FROM ${name}
        ${after === null ? emptySql : sql`WHERE ${key} > ${after}`} ORDER BY ${key} LIMIT ${take}`);
      return rows.map((raw) => readTableRow(spec, raw));
    },
    key: (row) => row[keyField] as string | bigint,
    insert: async (tx, rows) => {
      if (rows.length === 0) return;
      const values: unknown[] = [];
      for (const row of rows) for (const c of spec.columns) values.push(bindValue(c, row[c.field]));
      await tx.execute(new Sql(insertPieces(spec, rows.length, pieces), values));
    },
    removeAll: async (tx) => void (await tx.execute(sql`DELETE FROM ${name}`)),
    serial,
  };
}

/** Parents before children: an import inserts in this order and foreign keys always hold. */
export const STORE_TABLES: readonly StoreTable[] = [
  storeTable(AGENT_TABLE, false),
  storeTable(SESSION_TABLE, false),
  storeTable(USAGE_TABLE, true),
  storeTable(SOURCE_FILE_TABLE, true),
  storeTable(MODEL_PRICE_TABLE, true),
  storeTable(META_TABLE, false),
  storeTable(BUDGET_TABLE, true),
];

/** Tables an export must not carry: the migrator's own bookkeeping belongs to each store. */
export const UNEXPORTED_TABLES: readonly string[] = ['rimuru_migrations'];
