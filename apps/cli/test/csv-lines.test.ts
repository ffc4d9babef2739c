import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvLines } from '../src/render/csv-lines.js';
import { writeCsv } from '../src/render/csv-stream.js';

// eslint-disable-next-line @typescript-eslint/require-await -- the async row source csvLines reads, over fixed rows
async function* from<T>(rows: T[]): AsyncIterable<T> {
  yield* rows;
}

async function viaStringify(columns: string[], rows: Record<string, unknown>[]): Promise<string> {
  let out = '';
  const sink = new Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) });
  await writeCsv(sink, columns, rows);
  return out;
}

async function viaLines(columns: string[], rows: Record<string, unknown>[]): Promise<string> {
  let out = '';
  for await (const line of csvLines(columns, from(rows))) out += line;
  return out;
}

describe('csvLines', () => {
  it('writes the bytes csv-stringify writes with the export options', async () => {
    const columns = ['a', 'b', 'c', 'd'];
    const rows: Record<string, unknown>[] = [
      { a: 'plain', b: 1, c: true, d: null },
      { a: 'comma, here', b: -2.5, c: false, d: undefined },
      { a: 'quote " inside', b: 0, c: '', d: 'x' },
      { a: 'cr', b: 12345678901234567890n, c: 'trailing', d: ' spaced ' },
      { a: '=formula', b: '-1', c: 'ünïcødé ☃', d: new Date(0) },
      { a: { nested: [1] }, b: '""', c: '\r\n', d: 'x' },
      { b: 'missing a' },
    ];
    expect(await viaLines(columns, rows)).toBe(await viaStringify(columns, rows));
  });

  it('quotes a lone CR or LF too, which csv-stringify leaves bare with CRLF records (a reader would split the record)', async () => {
    expect(await viaLines(['a', 'b'], [{ a: 'line\nbreak', b: 'cr\ronly' }])).toBe(
      'a,b\r\n"line\nbreak","cr\ronly"\r\n',
    );
  });

  it('writes only the header for no rows', async () => {
    expect(await viaLines(['x', 'y'], [])).toBe('x,y\r\n');
    expect(await viaLines(['x', 'y'], [])).toBe(await viaStringify(['x', 'y'], []));
  });
});
