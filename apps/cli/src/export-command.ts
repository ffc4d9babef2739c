import { Flags, type Command } from '@oclif/core';
import { parseDateBound, RANGE_NAMES, resolveTimeRange } from '@rimuru/core';
import { agentTypeFlag } from './flags.js';
import { ReadCommand, type ReadSettings } from './read-command.js';
import { csvLines } from './render/csv-lines.js';
import { openOutput, writeAll } from './render/output-target.js';

export const exportFlags = {
  format: Flags.string({
    description: 'csv (RFC 4180, header row), json (one array) or ndjson (one object a line)',
    options: ['csv', 'json', 'ndjson'],
    default: 'csv',
    helpGroup: 'GLOBAL',
  }),
  range: Flags.string({
    description: `Time range: ${RANGE_NAMES.join(', ')}`,
    options: [...RANGE_NAMES],
    default: 'all',
  }),
  since: Flags.string({ description: 'Start (YYYY-MM-DD local, or an instant); narrows --range' }),
  until: Flags.string({ description: 'End (YYYY-MM-DD local inclusive, or an instant); narrows --range' }),
  output: Flags.string({ char: 'o', description: 'Write to this file instead of stdout' }),
  'agent-type': agentTypeFlag,
};

async function* jsonArray<T>(rows: AsyncIterable<T>, ndjson: boolean): AsyncIterable<string> {
  let first = true;
  if (!ndjson) yield '[';
  for await (const row of rows) {
    if (ndjson) yield `${JSON.stringify(row)}\n`;
    else {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
      first = false;
    }
  }
  if (!ndjson) yield first ? ']\n' : '\n]\n';
}

async function* mapAsync<A, B>(rows: AsyncIterable<A>, f: (a: A) => B): AsyncIterable<B> {
  for await (const row of rows) yield f(row);
}

/** Bytes (about) per write: one write per record would cost a system call each on a redirected stdout. */
const WRITE_CHUNK = 64 * 1024;

/** Joins small chunks into writes of about WRITE_CHUNK characters. */
async function* coalesce(chunks: AsyncIterable<string>, size = WRITE_CHUNK): AsyncIterable<string> {
  let parts: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

/** Shared run of `export sessions|usage`: the range, then rows streamed to stdout or a file. */
export abstract class ExportCommand<T extends typeof Command> extends ReadCommand<T> {
  protected range(settings: ReadSettings): { from?: Date; to?: Date } {
    const flags = this.flags as Record<string, unknown>;
    const range = resolveTimeRange(flags.range as string, { zone: settings.zone, now: settings.now });
    let from = range.from ?? undefined;
    let to = range.to ?? undefined;
    if (flags.since !== undefined) {
      const since = parseDateBound(flags.since as string, 'since', settings.zone);
      if (from === undefined || since > from) from = since;
    }
    if (flags.until !== undefined) {
      const until = parseDateBound(flags.until as string, 'until', settings.zone);
      if (to === undefined || until < to) to = until;
    }
    return { from, to };
  }

  protected async emit<R, C extends Record<string, unknown>>(
    rows: AsyncIterable<R>,
    columns: readonly (keyof C & string)[],
    toCsv: (row: R) => C,
  ): Promise<void> {
    const flags = this.flags as Record<string, unknown>;
    const out = openOutput(flags.output as string | undefined);
    try {
      const chunks =
        flags.format === 'csv' ? csvLines(columns, mapAsync(rows, toCsv)) : jsonArray(rows, flags.format === 'ndjson');
      await writeAll(out.stream, coalesce(chunks));
    } finally {
      await out.close();
    }
  }
}
