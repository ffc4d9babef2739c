import { rawBigInt, rawBool, rawDate, rawText } from './raw-values.js';
import { rawSql, type Sql } from './sql.js';
import { ExactDecimal } from './store-export-codec.js';
import type { RawRow } from './sql-runner.js';

/**
 * How a column's value travels between a driver and a whole-row copy (export, import): the
 * value types Prisma's schema gives the field, so an export reads the same on both dialects.
 */
export type ColumnKind = 'text' | 'int' | 'float' | 'bigint' | 'bool' | 'date' | 'decimal';

/** One column: its SQL name, the schema field name a whole-row copy uses, its kind. */
export interface ColumnSpec {
  column: string;
  field: string;
  kind: ColumnKind;
  /** What an import writes when an older export lacks the column (the schema's default). */
  fallback?: unknown;
}

/** One table, every column, as prisma/schema.prisma names them. */
export interface TableSpec {
  name: string;
  key: string;
  columns: readonly ColumnSpec[];
}

function col(
  field: string,
  kind: ColumnKind,
  column = field.replace(/[A-Z0-9]+/g, (m) => `_${m.toLowerCase()}`),
): ColumnSpec {
  return { column, field, kind };
}

/*
 * Mirrors prisma/schema.prisma field by field (a test compares these with the migrated
 * tables): a column the schema gains must be added here, or an export would silently drop it.
 */
export const AGENT_TABLE: TableSpec = {
  name: 'agents',
  key: 'id',
  columns: [col('id', 'text'), col('type', 'text'), col('name', 'text'), col('host', 'text'), col('createdAt', 'date')],
};

export const SESSION_TABLE: TableSpec = {
  name: 'sessions',
  key: 'id',
  columns: [
    col('id', 'text'),
    col('agentId', 'text'),
    col('startedAt', 'date'),
    col('endedAt', 'date'),
    col('totalInputTokens', 'bigint'),
    col('totalOutputTokens', 'bigint'),
    col('modelName', 'text'),
    col('projectPath', 'text'),
    col('costUsd', 'decimal'),
    col('isActive', 'bool'),
    col('externalId', 'text'),
    col('agentType', 'text'),
    col('host', 'text'),
    col('cacheReadTokens', 'bigint'),
    col('cacheWrite5mTokens', 'bigint', 'cache_write_5m_tokens'),
    col('cacheWrite1hTokens', 'bigint', 'cache_write_1h_tokens'),
    col('reasoningTokens', 'bigint'),
    col('tokensKnown', 'bool'),
    col('models', 'text'),
    col('requestCount', 'int'),
    col('unpricedRequestCount', 'int'),
    col('calculatedCostNanos', 'bigint'),
    col('recordedCostNanos', 'bigint'),
    col('autoCostNanos', 'bigint'),
    col('costSource', 'text'),
    col('endedByHook', 'bool'),
    col('parentExternalId', 'text'),
    col('title', 'text'),
    // Added by migrations 0003 and 0004: exports written before them lack these.
    { ...col('activityModels', 'text'), fallback: '[]' },
    { ...col('activityRequestCount', 'int'), fallback: 0 },
    { ...col('usageCount', 'int'), fallback: 0 },
    col('createdAt', 'date'),
    col('updatedAt', 'date'),
  ],
};

export const USAGE_TABLE: TableSpec = {
  name: 'usage_records',
  key: 'id',
  columns: [
    col('id', 'bigint'),
    col('agentType', 'text'),
    col('dedupeKey', 'text'),
    col('sessionId', 'text'),
    col('rank', 'float'),
    col('replayKey', 'text'),
    col('isReplayCopy', 'bool'),
    col('occurredAt', 'date'),
    col('model', 'text'),
    col('inputTokens', 'bigint'),
    col('outputTokens', 'bigint'),
    col('cacheReadTokens', 'bigint'),
    col('cacheWrite5mTokens', 'bigint', 'cache_write_5m_tokens'),
    col('cacheWrite1hTokens', 'bigint', 'cache_write_1h_tokens'),
    col('reasoningTokens', 'bigint'),
    col('speed', 'text'),
    col('calculatedCostNanos', 'bigint'),
    col('recordedCostNanos', 'bigint'),
    col('autoCostNanos', 'bigint'),
    col('priced', 'bool'),
    col('sourcePath', 'text'),
    col('sourceLine', 'int'),
    // Added by migration 0006: exports written before it lack it (importStore then marks their aggregates).
    { ...col('requestCount', 'int'), fallback: 1 },
    col('premiumRequestMicros', 'bigint'),
    col('nanoAiu', 'bigint'),
  ],
};

export const SOURCE_FILE_TABLE: TableSpec = {
  name: 'source_files',
  key: 'id',
  columns: [
    col('id', 'bigint'),
    col('agentType', 'text'),
    col('path', 'text'),
    col('device', 'text'),
    col('inode', 'text'),
    col('size', 'bigint'),
    col('mtimeMs', 'float'),
    col('headHash', 'text'),
    col('headLength', 'int'),
    col('byteOffset', 'bigint'),
    col('state', 'text'),
    col('diagnosticCount', 'int'),
    col('updatedAt', 'date'),
  ],
};

export const MODEL_PRICE_TABLE: TableSpec = {
  name: 'model_prices',
  key: 'id',
  columns: [
    col('id', 'bigint'),
    col('model', 'text'),
    col('validFrom', 'date'),
    col('validTo', 'date'),
    col('inputPico', 'bigint'),
    col('outputPico', 'bigint'),
    col('cacheReadPico', 'bigint'),
    col('cacheWrite5mPico', 'bigint', 'cache_write_5m_pico'),
    col('cacheWrite1hPico', 'bigint', 'cache_write_1h_pico'),
    col('inputAbove200kPico', 'bigint', 'input_above_200k_pico'),
    col('outputAbove200kPico', 'bigint', 'output_above_200k_pico'),
    col('cacheReadAbove200kPico', 'bigint', 'cache_read_above_200k_pico'),
    col('cacheWrite5mAbove200kPico', 'bigint', 'cache_write_5m_above_200k_pico'),
    col('cacheWrite1hAbove200kPico', 'bigint', 'cache_write_1h_above_200k_pico'),
    col('source', 'text'),
    col('createdAt', 'date'),
    col('fastMultiplier', 'float'),
    // Added by migration 0006: exports written before it lack it (importStore then dates their rows).
    col('sourceDate', 'date'),
  ],
};

export const META_TABLE: TableSpec = { name: 'meta', key: 'key', columns: [col('key', 'text'), col('value', 'text')] };

/** Migration 0005: exports written before it have no budgets lines at all (no column fallbacks needed). */
export const BUDGET_TABLE: TableSpec = {
  name: 'budgets',
  key: 'id',
  columns: [
    col('id', 'bigint'),
    col('name', 'text'),
    col('amountNanos', 'bigint'),
    col('period', 'text'),
    col('agentType', 'text'),
    col('project', 'text'),
    col('model', 'text'),
    col('hard', 'bool'),
    col('createdAt', 'date'),
    col('updatedAt', 'date'),
  ],
};

/**
 * A DECIMAL as canonical text (no trailing zeros), whichever way the driver returns it:
 * PostgreSQL gives a decimal object, SQLite a REAL or an integer.
 */
function decimalText(value: unknown): string {
  const text = String(value);
  if (!text.includes('.') || /e/i.test(text)) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

function readValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'text':
      return rawText(value);
    case 'int':
    case 'float':
      return Number(value);
    case 'bigint':
      return rawBigInt(value);
    case 'bool':
      return rawBool(value);
    case 'date':
      return rawDate(value);
    case 'decimal':
      return new ExactDecimal(decimalText(value));
  }
}

/** The table's row mapper: a driver row (SQL column names) → schema field names and values. */
export function readTableRow(table: TableSpec, raw: RawRow): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of table.columns) row[c.field] = readValue(c.kind, raw[c.column]);
  return row;
}

/** `"a", "b", …`: every column of the table, quoted (some names, like `rank`, are keywords). */
export function columnListSql(table: TableSpec): Sql {
  return rawSql(table.columns.map((c) => `"${c.column}"`).join(', '));
}

export function bindValue(column: ColumnSpec, value: unknown): unknown {
  if (value === undefined) return column.fallback ?? null;
  return value instanceof ExactDecimal ? value.text : value;
}
