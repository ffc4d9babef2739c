// A tiny SQL template tag (no ORM runtime): parameters stay parameters on both dialects.
// `.sql` carries `?` placeholders (SQLite), `.text` carries `$1…` placeholders (PostgreSQL).
import sql, { join as joinSql, type Sql } from 'sql-template-tag';

export { default as sql, join as joinSql, empty as emptySql, raw as rawSql, Sql } from 'sql-template-tag';

/** `column IN (…)` for a filter list; an empty list matches nothing (SQL has no empty IN list). */
export function inListSql(column: Sql, values: readonly unknown[]): Sql {
  return values.length === 0 ? sql`1 = 0` : sql`${column} IN (${joinSql([...values])})`;
}

/** Splits `items` into chunks of at most `size` (SQLite allows 32766 parameters per statement). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
