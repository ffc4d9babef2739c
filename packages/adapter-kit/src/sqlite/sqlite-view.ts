import type { LibsqlDatabase } from './load-libsql.js';
import { decodeCell, decodeText, safeExpr, type SafeCell } from './safe-text.js';

/**
 * A read-only view of one SQLite file: rows as arrays, never objects (no column-name mapping
 * per row). A query must not return TEXT (see `safe-text.ts`): select text through `select`,
 * `safeExpr`/`safeColumn`, or `CAST(… AS BLOB)`.
 */
export interface SqliteView {
  /** Rows of a query, streamed: a large table is never held whole. */
  iterate(sql: string, ...params: unknown[]): IterableIterator<unknown[]>;
  /** Rows of a query, all at once. */
  all(sql: string, ...params: unknown[]): unknown[][];
  /**
   * `SELECT <expressions> <rest>` with every expression made safe and decoded: numbers stay
   * numbers, text comes back as a string, NULL and text that is not UTF-8 as null. For text and
   * number columns; select a blob column with `all`/`iterate` and `CAST(… AS BLOB)`.
   * Example: `select(['id', quoteIdentifier(name)], 'FROM sessions WHERE id > ? ORDER BY id', 5)`.
   */
  select(expressions: readonly string[], rest: string, ...params: unknown[]): SafeCell[][];
  /** Whether a table of that name exists (a view does not count). */
  hasTable(name: string): boolean;
  /** The column names of a table (empty when there is no such table), for schemas that grew over versions. */
  columns(table: string): Set<string>;
}

/**
 * Parameters go to libsql as one array: spread, a lone Buffer/Uint8Array parameter is taken for
 * an object of named parameters and libsql panics (aborts the process) looking up its names.
 */
export function viewOf(db: LibsqlDatabase): SqliteView {
  const iterate = (sql: string, ...params: unknown[]): IterableIterator<unknown[]> => {
    const statement = db.prepare(sql);
    statement.raw(true);
    return statement.iterate(params) as IterableIterator<unknown[]>;
  };
  const all = (sql: string, ...params: unknown[]): unknown[][] => {
    const statement = db.prepare(sql);
    statement.raw(true);
    return statement.all(params) as unknown[][];
  };
  return {
    iterate,
    all,
    select: (expressions, rest, ...params) =>
      all(`SELECT ${expressions.map(safeExpr).join(', ')} ${rest}`, ...params).map((row) => row.map(decodeCell)),
    hasTable: (name) => all("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", name).length > 0,
    // A column name is text too: read as bytes. One that is not UTF-8 cannot be asked for by name anyway.
    columns: (table) =>
      new Set(
        all('SELECT CAST(name AS BLOB) FROM pragma_table_info(?)', table)
          .map((row) => decodeText(row[0]))
          .filter((name): name is string => name !== null),
      ),
  };
}
