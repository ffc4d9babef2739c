import { InternalError } from '@rimuru/core';
import { unnestArraysSql, type UnnestColumn } from './pg-unnest.js';
import { rawSql, sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';

/**
 * The PostgreSQL type of each usage_records column an upsert writes. A column added to the
 * upsert (usage-upsert.ts) needs its type here: the first write says which one is missing.
 */
const USAGE_COLUMN_TYPES: Record<string, string> = {
  agent_type: 'text',
  dedupe_key: 'text',
  session_id: 'uuid',
  rank: 'float8',
  replay_key: 'text',
  is_replay_copy: 'bool',
  occurred_at: 'timestamptz',
  model: 'text',
  input_tokens: 'int8',
  output_tokens: 'int8',
  cache_read_tokens: 'int8',
  cache_write_5m_tokens: 'int8',
  cache_write_1h_tokens: 'int8',
  reasoning_tokens: 'int8',
  speed: 'text',
  calculated_cost_nanos: 'int8',
  recorded_cost_nanos: 'int8',
  auto_cost_nanos: 'int8',
  priced: 'bool',
  source_path: 'text',
  source_line: 'int4',
  request_count: 'int4',
  premium_request_micros: 'int8',
  nano_aiu: 'int8',
};

/** Rows per statement: bounds the size of one bind message (≈ 1 KiB a row as array text). */
const ROWS_PER_STATEMENT = 10_000;

const columnsCache = new Map<string, UnnestColumn[]>();

function columnsOf(list: string): UnnestColumn[] {
  let columns = columnsCache.get(list);
  if (columns === undefined) {
    columns = list.split(',').map((name) => {
      const column = name.trim();
      const type = USAGE_COLUMN_TYPES[column];
      if (type === undefined)
        throw new InternalError(`pg-usage-upsert: no PostgreSQL type for usage_records.${column}`);
      return { name: column, type };
    });
    columnsCache.set(list, columns);
  }
  return columns;
}

/**
 * The usage upsert on PostgreSQL: `INSERT … SELECT * FROM unnest(…) ON CONFLICT …` with the
 * same conflict rule (`tail`) as the multi-row statement of the embedded store, 10 000 rows a
 * statement. `values` holds the rows' values in `columnList` order, `perRow` a row.
 */
export async function upsertUsageUnnest(
  tx: SqlRunner,
  columnList: string,
  perRow: number,
  values: readonly unknown[],
  tail: string,
): Promise<void> {
  const columns = columnsOf(columnList);
  if (columns.length !== perRow)
    throw new InternalError(`pg-usage-upsert: ${columns.length} columns, ${perRow} values a row`);
  const rowCount = values.length / perRow;
  for (let first = 0; first < rowCount; first += ROWS_PER_STATEMENT) {
    const last = Math.min(rowCount, first + ROWS_PER_STATEMENT);
    const arrays = columns.map((_, c) => {
      const column = new Array<unknown>(last - first);
      for (let r = first; r < last; r += 1) column[r - first] = values[r * perRow + c];
      return column;
    });
    await tx.execute(sql`INSERT INTO usage_records (${rawSql(columns.map((c) => c.name).join(', '))})
      SELECT * FROM ${unnestArraysSql(columns, arrays)} ${rawSql(tail)}`);
  }
}
