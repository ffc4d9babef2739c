import type { TokenCounts } from '@rimuru/core';
import type { RawRow } from './sql-runner.js';

/** Where a row keeps each token class: the column (or alias) name per class. */
type TokenColumns = Readonly<Record<keyof TokenCounts, string>>;

/** A usage record's own columns. */
export const RECORD_TOKEN_COLUMNS: TokenColumns = {
  input: 'input_tokens',
  output: 'output_tokens',
  cacheRead: 'cache_read_tokens',
  cacheWrite5m: 'cache_write_5m_tokens',
  cacheWrite1h: 'cache_write_1h_tokens',
  reasoning: 'reasoning_tokens',
};

/** A session's roll-up columns. */
export const SESSION_TOKEN_COLUMNS: TokenColumns = {
  ...RECORD_TOKEN_COLUMNS,
  input: 'total_input_tokens',
  output: 'total_output_tokens',
};

/** The aliases every SQL sum of token columns selects (`SUM(u.input_tokens) AS input`, …). */
export const SUMMED_TOKEN_COLUMNS: TokenColumns = {
  input: 'input',
  output: 'output',
  cacheRead: 'cache_read',
  cacheWrite5m: 'cache_write_5m',
  cacheWrite1h: 'cache_write_1h',
  reasoning: 'reasoning',
};

/** Every token class of a row, each cell read by `read` (a number, a bigint, …). */
export function tokensFrom<T>(
  row: RawRow,
  columns: TokenColumns,
  read: (cell: unknown) => T,
): Record<keyof TokenCounts, T> {
  return {
    input: read(row[columns.input]),
    output: read(row[columns.output]),
    cacheRead: read(row[columns.cacheRead]),
    cacheWrite5m: read(row[columns.cacheWrite5m]),
    cacheWrite1h: read(row[columns.cacheWrite1h]),
    reasoning: read(row[columns.reasoning]),
  };
}
