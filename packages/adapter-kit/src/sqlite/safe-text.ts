/**
 * libsql decodes every TEXT value it returns as UTF-8 and panics (a Rust abort that kills the
 * whole process, not an exception) when the bytes are not UTF-8, which a damaged, half-written
 * or hostile database can hold. So a query never returns TEXT: text is selected as a BLOB
 * (`safeExpr`, `safeColumn`) and decoded here, in JS, where invalid bytes are a value, not a crash.
 */

// `ignoreBOM` keeps a leading U+FEFF, as the TEXT value libsql would have returned holds it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `name` as a quoted SQL identifier (a column or table name read from the schema, say). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A SQL expression whose value libsql can always read: integers and reals stay numbers, NULL
 * stays NULL, text (and any blob) comes back as bytes for `decodeText`. SQLite evaluates
 * `expression` twice (its type, then its value): a correlated subquery runs twice per row.
 */
export function safeExpr(expression: string): string {
  return `CASE WHEN typeof(${expression}) IN ('integer', 'real') THEN ${expression} ELSE CAST(${expression} AS BLOB) END`;
}

/** `safeExpr` of a column given by name. */
export function safeColumn(name: string): string {
  return safeExpr(quoteIdentifier(name));
}

/**
 * Text of a value read through `safeExpr`: exactly the stored string, or null when the value is no text (NULL, a number) or its bytes are not UTF-8. A
 * caller that must tell "not UTF-8" apart (to report it) checks `instanceof Uint8Array` first.
 */
export function decodeText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!(value instanceof Uint8Array)) return null;
  try {
    return strictUtf8.decode(value);
  } catch {
    return null;
  }
}

/** A cell of `SqliteView.select`: what a text-or-number column holds, read safely. */
export type SafeCell = string | number | bigint | null;

/** A cell read through `safeExpr` back as text or number; null for NULL and for invalid UTF-8. */
export function decodeCell(value: unknown): SafeCell {
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  return decodeText(value);
}
