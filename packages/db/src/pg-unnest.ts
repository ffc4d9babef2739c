import { InternalError } from '@rimuru/core';
import { rawText } from './raw-values.js';
import { rawSql, sql, type Sql } from './sql.js';

/**
 * PostgreSQL's bulk path without COPY: rows travel as one array parameter per column and
 * `unnest` turns them back into rows. A statement of 10 000 rows then has 22 parameters, not
 * 220 000: nothing to parse per row, one bind, one round trip (a multi-row VALUES statement
 * of the same rows costs several times more in parse and bind on the server alone).
 */

/** A column of an unnest source: its SQL name and the PostgreSQL type of its array. */
export interface UnnestColumn {
  name: string;
  type: string;
}

/** Columns from `name type` pairs, e.g. `unnestColumns('id uuid', 'host text')`. Names and types are constants of the code, never input. */
export function unnestColumns(...specs: string[]): UnnestColumn[] {
  return specs.map((spec) => {
    const [name, type] = spec.trim().split(/\s+/);
    if (name === undefined || type === undefined || !/^\w+$/.test(name) || !/^\w+$/.test(type))
      throw new InternalError(`bad unnest column "${spec}"`);
    return { name, type };
  });
}

/** One array element as array-literal text (quoted, so any text is safe; NULL unquoted). */
function element(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    case 'string':
      return `"${value.replace(/[\\"]/g, '\\$&')}"`;
    default:
      if (value instanceof Date) return value.toISOString();
      return `"${rawText(value).replace(/[\\"]/g, '\\$&')}"`;
  }
}

/**
 * The array literal of `values` (`{"a",NULL,"b"}`), built here in one pass: the driver's own
 * conversion escapes element by element through several calls, which cost a push as much as
 * the rest of its client-side work.
 */
function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) out += (i === 0 ? '' : ',') + element(values[i]);
  return `${out}}`;
}

/**
 * `unnest($1::type[], …) AS alias(col, …)` over column arrays (`arrays[c]` holds column c of
 * every row). Use it as `INSERT … SELECT * FROM <this>` or `UPDATE … FROM <this>`.
 */
export function unnestArraysSql(
  columns: readonly UnnestColumn[],
  arrays: readonly (readonly unknown[])[],
  alias = 'v',
): Sql {
  const parts = columns.map((column, c) => sql`${arrayLiteral(arrays[c] ?? [])}::${rawSql(`${column.type}[]`)}`);
  let list = parts[0]!;
  for (const part of parts.slice(1)) list = sql`${list}, ${part}`;
  return sql`unnest(${list}) AS ${rawSql(alias)}(${rawSql(columns.map((c) => c.name).join(', '))})`;
}

/** unnestArraysSql over rows (each row's values in `columns` order). */
export function unnestSql(columns: readonly UnnestColumn[], rows: readonly (readonly unknown[])[], alias = 'v'): Sql {
  return unnestArraysSql(
    columns,
    columns.map((_, c) => rows.map((row) => row[c])),
    alias,
  );
}
