/*
 * Raw queries return driver values as they come: PostgreSQL gives Date, bigint and boolean,
 * SQLite (libsql, intMode 'bigint') gives ISO text, bigint and 0/1. These read either the same.
 */

/** A driver value as text: TEXT as it is; numbers, bigints, decimals and anything else by their own toString. */
export function rawText(value: unknown): string {
  return String(value);
}

export function rawDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function rawDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : rawDate(value);
}

export function rawBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  return BigInt(rawText(value ?? 0));
}

export function rawBigIntOrNull(value: unknown): bigint | null {
  return value === null || value === undefined ? null : rawBigInt(value);
}

export function rawBool(value: unknown): boolean {
  return typeof value === 'boolean' ? value : Number(value) !== 0;
}

export function rawInt(value: unknown): number {
  return Number(value ?? 0);
}

export function rawStringOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : rawText(value);
}
