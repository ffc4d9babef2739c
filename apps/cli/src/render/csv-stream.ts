import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { stringify } from 'csv';

/**
 * Streams records as RFC 4180 CSV (header row, CRLF line ends, quotes where needed) through
 * csv-stringify, with backpressure: what spreadsheets open as-is.
 */
export async function writeCsv<T extends Record<string, unknown>>(
  dest: Writable,
  columns: readonly (keyof T & string)[],
  rows: AsyncIterable<T> | Iterable<T>,
): Promise<void> {
  const stringifier = stringify({
    header: true,
    columns: columns.map((key) => ({ key })),
    record_delimiter: 'windows',
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
  // stdout stays open after the CSV; a file is closed by its owner.
  stringifier.pipe(dest, { end: false });
  for await (const row of rows) {
    if (!stringifier.write(row)) await once(stringifier, 'drain');
  }
  stringifier.end();
  await finished(stringifier);
}
