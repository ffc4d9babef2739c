import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdapterEvent, JsonValue } from '@rimuru/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJsonLines, type JsonLinesStart } from './read-json-lines.js';
import type { ReadLimits } from './read-limits.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rimuru-kit-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const LIMITS: ReadLimits = { chunkSize: 5, maxLineBytes: 64, checkpointBytes: 1 << 20, checkpointLines: 1000 };

interface Seen {
  events: AdapterEvent[];
  /** Every record the adapter was handed, with its line number. */
  records: Array<[unknown, number | null]>;
  /** `linesConsumed` of every checkpoint call. */
  closed: Array<number | null>;
}

/**
 * A minimal adapter: emits a usage-like diagnostic per record (to check ordering against the
 * reader's own events) and keeps the record count as checkpoint state.
 */
async function read(path: string, start: JsonLinesStart, limits: ReadLimits = LIMITS): Promise<Seen> {
  const seen: Seen = { events: [], records: [], closed: [] };
  for await (const event of readJsonLines(path, start, limits, (emit) => ({
    record: (value, line) => {
      seen.records.push([value, line]);
      emit({ type: 'diagnostic', severity: 'warning', code: 'record', message: JSON.stringify(value), line });
    },
    checkpoint: (lines): JsonValue => {
      seen.closed.push(lines);
      return { lines };
    },
  }))) {
    seen.events.push(event);
  }
  return seen;
}

async function file(content: string | Buffer): Promise<string> {
  const path = join(dir, 'f.jsonl');
  await writeFile(path, content);
  return path;
}

const kinds = (events: AdapterEvent[]) =>
  events.map((e) =>
    e.type === 'diagnostic' ? `${e.code}@${e.line}` : `${e.type}@${e.type === 'checkpoint' ? e.offset : ''}`,
  );

describe('readJsonLines', () => {
  it('hands each JSON line to the adapter with its number, and ends on one checkpoint past the last complete line', async () => {
    const path = await file('{"a":1}\n{"b":22}\n{"partial":');
    const seen = await read(path, { offset: 0, linesBefore: 0 });
    expect(seen.records).toEqual([
      [{ a: 1 }, 1],
      [{ b: 22 }, 2],
    ]);
    expect(kinds(seen.events)).toEqual(['record@1', 'record@2', 'checkpoint@17']);
    expect(seen.events.at(-1)).toEqual({ type: 'checkpoint', offset: 17, state: { lines: 2 } });
  });

  it('resumes from a checkpoint with continued line numbers once the partial line is complete', async () => {
    const path = await file('{"a":1}\n{"b":22}\n{"c":3}\n');
    const seen = await read(path, { offset: 17, linesBefore: 2 });
    expect(seen.records).toEqual([[{ c: 3 }, 3]]);
    expect(seen.events.at(-1)).toEqual({ type: 'checkpoint', offset: 25, state: { lines: 3 } });
  });

  it('numbers lines null when the lines before the offset are unknown', async () => {
    const path = await file('{"a":1}\nnot json\n');
    const seen = await read(path, { offset: 0, linesBefore: null });
    expect(kinds(seen.events)).toEqual(['record@null', 'invalid-json@null', 'checkpoint@17']);
    expect(seen.closed).toEqual([null]);
  });

  it('warns about invalid JSON, invalid UTF-8 and oversized lines, skips blank ones, and keeps file order', async () => {
    const long = `{"x":"${'y'.repeat(80)}"}`;
    const content = Buffer.concat([
      Buffer.from(`{"a":1}\n  \r\n{oops\n`),
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from(`${long}\n{"z":2}\n`),
    ]);
    const seen = await read(await file(content), { offset: 0, linesBefore: 0 });
    expect(kinds(seen.events)).toEqual([
      'record@1',
      'invalid-json@3',
      'invalid-utf8@4',
      'line-too-long@5',
      'record@6',
      `checkpoint@${content.length}`,
    ]);
    const tooLong = seen.events.find((e) => e.type === 'diagnostic' && e.code === 'line-too-long');
    expect(tooLong).toMatchObject({
      severity: 'warning',
      message: `line 5: line of ${long.length} bytes exceeds 64; skipped`,
    });
  });

  it('closes a stretch every checkpointLines lines, and never twice at the same offset', async () => {
    const path = await file('1\n2\n3\n4\n5\n6\n');
    const seen = await read(path, { offset: 0, linesBefore: 10 }, { ...LIMITS, checkpointLines: 3 });
    expect(seen.events.filter((e) => e.type === 'checkpoint')).toEqual([
      { type: 'checkpoint', offset: 6, state: { lines: 13 } },
      { type: 'checkpoint', offset: 12, state: { lines: 16 } },
    ]);
    expect(seen.closed).toEqual([13, 16]);
  });

  it('closes a stretch once checkpointBytes are consumed', async () => {
    const path = await file('{"a":1}\n{"a":2}\n{"a":3}\n');
    const seen = await read(path, { offset: 0, linesBefore: 0 }, { ...LIMITS, checkpointBytes: 10 });
    expect(
      seen.events.filter((e) => e.type === 'checkpoint').map((e) => (e.type === 'checkpoint' ? e.offset : -1)),
    ).toEqual([16, 24]);
  });

  it('emits one checkpoint at the start offset when nothing new is complete', async () => {
    const path = await file('{"a":1}\n{"b"');
    const seen = await read(path, { offset: 8, linesBefore: 1 });
    expect(seen.events).toEqual([{ type: 'checkpoint', offset: 8, state: { lines: 1 } }]);
  });

  it('yields one unreadable-source error for a file that cannot be opened', async () => {
    const seen = await read(join(dir, 'missing.jsonl'), { offset: 0, linesBefore: 0 });
    expect(seen.events).toHaveLength(1);
    expect(seen.events[0]).toMatchObject({
      type: 'diagnostic',
      severity: 'error',
      code: 'unreadable-source',
      line: null,
    });
    expect(seen.closed).toEqual([]);
  });
});
