import { TextDecoder } from 'node:util';
import { decodeText, safeColumn, type SqliteView } from '@rimuru/adapter-kit/sqlite';

export type DecodedValue =
  | { ok: true; value: unknown }
  | { ok: false; code: 'invalid-utf8' | 'invalid-json' | 'invalid-record'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a key-value store value as UTF-8 JSON. Cursor writes most values as TEXT and some as
 * BLOB; the query casts both to bytes so the two are decoded the same way, and bytes that are
 * not UTF-8 are reported rather than replaced.
 */
export function decodeJsonValue(raw: unknown): DecodedValue {
  if (raw === null || raw === undefined) return { ok: false, code: 'invalid-record', message: 'value is NULL' };
  if (!(raw instanceof Uint8Array)) return { ok: false, code: 'invalid-record', message: 'value is not bytes' };
  let text: string;
  try {
    text = decoder.decode(raw);
  } catch {
    return { ok: false, code: 'invalid-utf8', message: `value of ${raw.length} bytes is not valid UTF-8` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, code: 'invalid-json', message: `value of ${raw.length} bytes is not valid JSON` };
  }
}

/** The smallest string greater than every string starting with `prefix` (for a key range scan). */
function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

export interface KeyValueRow {
  key: string;
  raw: unknown;
}

/**
 * Rows of a `(key TEXT, value BLOB)` table whose key starts with `prefix`, in key order. The
 * range condition uses the table's unique key index, so other keys are never touched.
 */
export function* keyValueRows(
  db: SqliteView,
  table: 'cursorDiskKV' | 'ItemTable',
  prefix: string,
): Generator<KeyValueRow> {
  const sql = `SELECT ${safeColumn('key')}, CAST(value AS BLOB) FROM ${table} WHERE key >= ? AND key < ? ORDER BY key`;
  for (const row of db.iterate(sql, prefix, prefixEnd(prefix))) {
    // A key that is not UTF-8 names nothing this adapter looks for.
    const key = decodeText(row[0]);
    if (key !== null) yield { key, raw: row[1] };
  }
}

/** One exact key of a key-value table, or undefined when absent. */
export function keyValue(db: SqliteView, table: 'cursorDiskKV' | 'ItemTable', key: string): unknown {
  for (const row of db.iterate(`SELECT CAST(value AS BLOB) FROM ${table} WHERE key = ?`, key)) return row[0];
  return undefined;
}
