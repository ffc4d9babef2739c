import { InternalError, RimuruError } from '@rimuru/core';
/**
 * JSON cannot hold BigInt, Date or Decimal exactly, so an export tags them:
 * `{"$bigint":"123"}`, `{"$date":"2026-01-01T00:00:00.000Z"}`, `{"$decimal":"1.5"}`.
 * Untagged values are plain JSON. Decoding restores the exact value, so an export of an
 * import is byte-identical to the original export.
 */
export type ExportValue =
  string | number | boolean | null | { $bigint: string } | { $date: string } | { $decimal: string };

/** A DECIMAL column's value as exact canonical text (what the table's row mapper reads). */
export class ExactDecimal {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

function encodeValue(value: unknown): ExportValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof ExactDecimal) return { $decimal: value.text };
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    // NaN/Infinity would become null in JSON and silently change the row.
    if (!Number.isFinite(value)) throw new InternalError(`cannot export the non-finite number ${value}`);
    return value;
  }
  throw new InternalError(`cannot export a value of type ${typeof value}`);
}

function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const tagged = value as Record<string, unknown>;
  if (typeof tagged['$bigint'] === 'string') return BigInt(tagged['$bigint']);
  if (typeof tagged['$date'] === 'string') {
    const date = new Date(tagged['$date']);
    if (Number.isNaN(date.getTime())) throw new RimuruError('SOURCE_ERROR', `invalid date ${tagged['$date']}`);
    return date;
  }
  // Both dialects take a decimal string as input for a DECIMAL column: exact.
  if (typeof tagged['$decimal'] === 'string') return tagged['$decimal'];
  throw new RimuruError('SOURCE_ERROR', `unexpected object value ${JSON.stringify(value)}`);
}

export function encodeRow(row: Record<string, unknown>): Record<string, ExportValue> {
  const out: Record<string, ExportValue> = {};
  // Sorted keys: the same row exports to the same bytes whichever dialect it came from.
  for (const key of Object.keys(row).sort()) out[key] = encodeValue(row[key]);
  return out;
}

export function decodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = decodeValue(value);
  return out;
}
