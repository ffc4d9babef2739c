import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdapterEvent, ReadPosition } from '@rimuru/core';
import { claudeAssistantLine, claudeUserLine, collectEvents, jsonl } from '@rimuru/test-utils/claude';
import { createTempHome, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS, readTranscript, type ReadLimits } from './read-transcript.js';

const START: ReadPosition = { offset: 0, state: null };
const SID = '11111111-1111-4111-8111-111111111111';
const CWD = '/home/dev/app';

let home: TempHome;
let counter = 0;
beforeAll(async () => {
  home = await createTempHome('rimuru-claude-read-');
});
afterAll(async () => {
  await home.cleanup();
});

async function file(content: string | Uint8Array): Promise<string> {
  counter += 1;
  return home.write(`f${counter}.jsonl`, content);
}

function assistant(i: number, extra: { text?: string; sessionId?: string } = {}): string {
  return claudeAssistantLine({
    sessionId: extra.sessionId ?? SID,
    cwd: CWD,
    timestamp: new Date(Date.UTC(2026, 0, 5, 9, 0, i)).toISOString(),
    model: 'claude-opus-4-6',
    messageId: `msg_${i}`,
    requestId: `req_${i}`,
    usage: { input: i, output: 10 },
    text: extra.text ?? 'ok',
  });
}

function user(i: number): string {
  return claudeUserLine({
    sessionId: SID,
    cwd: CWD,
    timestamp: new Date(Date.UTC(2026, 0, 5, 9, 0, i)).toISOString(),
    text: `q${i}`,
  });
}

function ofType<T extends AdapterEvent['type']>(events: AdapterEvent[], type: T): Extract<AdapterEvent, { type: T }>[] {
  return events.filter((e): e is Extract<AdapterEvent, { type: T }> => e.type === type);
}

const read = (path: string, from: ReadPosition = START, limits?: ReadLimits) =>
  collectEvents(readTranscript(path, from, limits));

describe('readTranscript: lines', () => {
  it('skips blank lines silently and keeps line numbers', async () => {
    const path = await file(`${assistant(1)}\n\n   \n\t\n${assistant(2)}\n`);
    const events = await read(path);
    expect(ofType(events, 'diagnostic')).toEqual([]);
    expect(ofType(events, 'usage').map((u) => u.line)).toEqual([1, 5]);
  });

  it('handles CRLF line endings', async () => {
    const content = `${assistant(1)}\r\n${user(2)}\r\n${assistant(3)}\r\n`;
    const path = await file(content);
    const events = await read(path);
    expect(ofType(events, 'diagnostic')).toEqual([]);
    expect(ofType(events, 'usage').map((u) => u.dedupeKey)).toEqual(['msg_1:req_1', 'msg_3:req_3']);
    expect(ofType(events, 'checkpoint').at(-1)).toEqual({
      type: 'checkpoint',
      offset: Buffer.byteLength(content),
      state: { line: 3 },
    });
  });

  it('reports garbage, binary and invalid UTF-8 lines and reads on', async () => {
    const garbage = Buffer.concat([
      Buffer.from(`${assistant(1)}\nnot json at all\n`),
      Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x0a]),
      Buffer.from('\u0000\u0001\u0002binary\n{"truncated":\n42\n'),
      Buffer.from(`${assistant(2)}\n`),
    ]);
    const events = await read(await file(garbage));
    const diagnostics = ofType(events, 'diagnostic');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['invalid-json', 2],
      ['invalid-utf8', 3],
      ['invalid-json', 4],
      ['invalid-json', 5],
      ['invalid-record', 6],
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(ofType(events, 'usage').map((u) => u.line)).toEqual([1, 7]);
  });

  it('survives a pretty-printed JSON object: one diagnostic per non-blank line', async () => {
    const pretty = JSON.stringify(JSON.parse(assistant(1)), null, 2);
    const lines = pretty.split('\n').length;
    const events = await read(await file(`${pretty}\n`));
    expect(ofType(events, 'usage')).toEqual([]);
    expect(ofType(events, 'diagnostic').length).toBe(lines);
  });

  it('reads a 5 MB line spanning several chunks', async () => {
    const big = assistant(1, { text: 'x'.repeat(5 * 1024 * 1024) });
    const events = await read(await file(`${user(0)}\n${big}\n${assistant(2)}\n`), START, {
      ...DEFAULT_READ_LIMITS,
      chunkSize: 1024 * 1024,
    });
    expect(ofType(events, 'diagnostic')).toEqual([]);
    expect(ofType(events, 'usage').map((u) => u.line)).toEqual([2, 3]);
  });

  it('skips lines over the limit with line-too-long and reads the next line', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, chunkSize: 64, maxLineBytes: 1000 };
    const long = assistant(1, { text: 'y'.repeat(2000) });
    const events = await read(await file(`${long}\n${assistant(2)}\n${long}\n`), START, limits);
    expect(ofType(events, 'diagnostic').map((d) => [d.code, d.line])).toEqual([
      ['line-too-long', 1],
      ['line-too-long', 3],
    ]);
    expect(ofType(events, 'usage').map((u) => u.line)).toEqual([2]);
  });

  it('skips a line over 64 MiB with the default limits', async () => {
    const huge = Buffer.alloc(64 * 1024 * 1024 + 10, 0x61);
    const path = await file(Buffer.concat([huge, Buffer.from(`\n${assistant(2)}\n`)]));
    const events = await read(path);
    expect(ofType(events, 'diagnostic').map((d) => [d.code, d.line])).toEqual([['line-too-long', 1]]);
    expect(ofType(events, 'usage').map((u) => u.line)).toEqual([2]);
  });
});

describe('readTranscript: checkpoints and resuming', () => {
  it('does not consume a partial last line, then consumes it once complete', async () => {
    const first = `${user(1)}\n${assistant(2)}\n`;
    const third = assistant(3);
    const path = await file(first + third.slice(0, 40));
    const part1 = await read(path);
    expect(ofType(part1, 'usage').map((u) => u.line)).toEqual([2]);
    expect(ofType(part1, 'diagnostic')).toEqual([]);
    const cp = ofType(part1, 'checkpoint').at(-1);
    expect(cp).toEqual({ type: 'checkpoint', offset: Buffer.byteLength(first), state: { line: 2 } });

    await appendFile(path, `${third.slice(40)}\n`);
    const part2 = await read(path, { offset: cp?.offset ?? 0, state: cp?.state ?? null });
    expect(ofType(part2, 'usage').map((u) => [u.dedupeKey, u.line])).toEqual([['msg_3:req_3', 3]]);
    expect(ofType(part2, 'checkpoint').at(-1)?.offset).toBe(Buffer.byteLength(first + third) + 1);
  });

  it('emits one activity per session per stretch, before each checkpoint', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => (i % 2 === 0 ? user(i) : assistant(i)));
    const limits = { ...DEFAULT_READ_LIMITS, checkpointLines: 10 };
    const events = await read(await file(jsonl(lines)), START, limits);
    const kinds = events.filter((e) => e.type !== 'usage').map((e) => e.type);
    expect(kinds).toEqual(['activity', 'checkpoint', 'activity', 'checkpoint', 'activity', 'checkpoint']);
    expect(ofType(events, 'checkpoint').map((c) => c.state)).toEqual([{ line: 10 }, { line: 20 }, { line: 25 }]);
    const acts = ofType(events, 'activity');
    expect(acts[0]).toMatchObject({ firstAt: '2026-01-05T09:00:00.000Z', lastAt: '2026-01-05T09:00:09.000Z' });
    expect(acts[2]).toMatchObject({ firstAt: '2026-01-05T09:00:20.000Z', lastAt: '2026-01-05T09:00:24.000Z' });
  });

  it('checkpoints by bytes too', async () => {
    const lines = Array.from({ length: 6 }, (_, i) => assistant(i));
    const limits = { ...DEFAULT_READ_LIMITS, checkpointBytes: Buffer.byteLength(lines[0] ?? '') * 2 };
    const events = await read(await file(jsonl(lines)), START, limits);
    expect(ofType(events, 'checkpoint').map((c) => c.state)).toEqual([{ line: 2 }, { line: 4 }, { line: 6 }]);
  });

  it('gives the same events resumed from any checkpoint as one full read', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 60; i += 1) lines.push(i % 7 === 3 ? '{bad' : i % 2 === 0 ? user(i) : assistant(i));
    const path = await file(jsonl(lines));
    const limits = { ...DEFAULT_READ_LIMITS, checkpointLines: 9 };
    const full = await read(path, START, limits);
    const checkpoints = ofType(full, 'checkpoint');
    expect(checkpoints.length).toBeGreaterThan(5);
    for (const cp of checkpoints) {
      const prefix = full.slice(0, full.indexOf(cp) + 1);
      const resumed = await read(path, { offset: cp.offset, state: cp.state }, limits);
      if (cp === checkpoints.at(-1)) expect(resumed).toEqual([cp]);
      else expect([...prefix, ...resumed]).toEqual(full);
    }
  });

  it('reading a file in two appends equals reading it whole (usage, diagnostics, activity span)', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => (i === 17 ? 'garbage' : i % 3 === 0 ? user(i) : assistant(i)));
    const whole = await read(await file(jsonl(lines)));
    const path = await file(jsonl(lines.slice(0, 21)));
    const part1 = await read(path);
    const cp = ofType(part1, 'checkpoint').at(-1);
    await appendFile(path, jsonl(lines.slice(21)));
    const part2 = await read(path, { offset: cp?.offset ?? 0, state: cp?.state ?? null });
    const pick = (events: AdapterEvent[]) => events.filter((e) => e.type === 'usage' || e.type === 'diagnostic');
    expect([...pick(part1), ...pick(part2)]).toEqual(pick(whole));
    const acts = [...ofType(part1, 'activity'), ...ofType(part2, 'activity')];
    expect(acts.map((a) => a.firstAt).sort()[0]).toBe(ofType(whole, 'activity')[0]?.firstAt);
    expect(
      acts
        .map((a) => a.lastAt)
        .sort()
        .at(-1),
    ).toBe(ofType(whole, 'activity')[0]?.lastAt);
    expect(ofType(part2, 'checkpoint').at(-1)).toEqual(ofType(whole, 'checkpoint').at(-1));
  });

  it('reports null line numbers when resuming without line state', async () => {
    const content = `${assistant(1)}\n${assistant(2)}\n`;
    const events = await read(await file(content), { offset: Buffer.byteLength(assistant(1)) + 1, state: null });
    expect(ofType(events, 'usage').map((u) => u.line)).toEqual([null]);
    expect(ofType(events, 'checkpoint').at(-1)?.state).toBeNull();
  });

  it('yields only a checkpoint at the same offset when nothing new was written', async () => {
    const content = `${assistant(1)}\n`;
    const events = await read(await file(content), { offset: Buffer.byteLength(content), state: { line: 1 } });
    expect(events).toEqual([{ type: 'checkpoint', offset: Buffer.byteLength(content), state: { line: 1 } }]);
  });

  it('turns a missing file into an unreadable-source diagnostic', async () => {
    const events = await read(join(home.dir, 'missing.jsonl'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'diagnostic', severity: 'error', code: 'unreadable-source' });
  });

  it('reads an empty file as one checkpoint at 0', async () => {
    const path = await file('');
    await writeFile(path, '');
    expect(await read(path)).toEqual([{ type: 'checkpoint', offset: 0, state: { line: 0 } }]);
  });
});
