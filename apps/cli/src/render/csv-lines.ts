/*
 * RFC 4180 lines built by hand for bulk exports: the same bytes csv-stringify writes with the
 * options of csv-stream.ts (header, CRLF, quotes only where needed, booleans as true/false),
 * without its per-record stream machinery, which dominated `export usage --format csv`.
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** csv-stringify's casts: booleans as words, dates as epoch milliseconds, objects as JSON. */
function cellText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return String(value.getTime());
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** One cell: empty for null, quoted (quotes doubled) when it holds a quote, comma or line break. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record (or the header, given the column names), CRLF-terminated. */
function csvLine(cells: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvCell(cells[i]);
  return `${line}\r\n`;
}

/** The header line, then one line per row, cells in `columns` order. */
export async function* csvLines<T extends Record<string, unknown>>(
  columns: readonly (keyof T & string)[],
  rows: AsyncIterable<T>,
): AsyncIterable<string> {
  yield csvLine(columns);
  for await (const row of rows) yield csvLine(columns.map((c) => row[c]));
}
