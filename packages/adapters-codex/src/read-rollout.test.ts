import { appendFile } from 'node:fs/promises';
import type { ReadPosition } from '@rimuru/core';
import {
  CodexUsageTape,
  codexJsonl,
  codexLegacyHeaderLine,
  codexLegacyMessageLine,
  codexLegacyStateLine,
  codexResponseMessageLine,
  codexSessionMetaLine,
  codexSessionPath,
  codexThreadSpawnSource,
  codexTokenCountLine,
  codexTotalsBySession,
  codexTurnContextLine,
  codexUserMessageLine,
  drainEvents,
  eventsOfType,
} from '@rimuru/test-utils/codex';
import { createTempHome, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS, readRollout, type ReadLimits } from './read-rollout.js';

const START: ReadPosition = { offset: 0, state: null };
const SID = '019c8a4c-ed82-79a1-aa28-7738fc5ab61a';
const CWD = '/home/dev/app';

let home: TempHome;
let counter = 0;
beforeAll(async () => {
  home = await createTempHome('rimuru-codex-read-');
});
afterAll(async () => {
  await home.cleanup();
});

/** Instant `s` seconds after 2026-02-23T11:40:00Z (plus `ms`). */
function ts(s: number, ms = 0): string {
  return new Date(Date.UTC(2026, 1, 23, 11, 40, 0, 0) + s * 1000 + ms).toISOString();
}

async function file(
  content: string | Uint8Array,
  id = `0000000${counter}-0000-7000-8000-000000000000`,
): Promise<string> {
  counter += 1;
  return home.write(`h${counter}/.codex/${codexSessionPath(ts(0), id)}`, content);
}

const read = (path: string, from: ReadPosition = START, limits?: ReadLimits) =>
  drainEvents(readRollout(path, from, limits));

function meta(extra: Partial<Parameters<typeof codexSessionMetaLine>[0]> = {}): string {
  return codexSessionMetaLine({ timestamp: ts(1), startedAt: ts(0), id: SID, cwd: CWD, ...extra });
}

describe('readRollout: usage accounting', () => {
  it('counts each request once: re-emits and info:null events add nothing', async () => {
    const tape = new CodexUsageTape();
    const lines = [
      meta(),
      codexTurnContextLine({ timestamp: ts(2), model: 'gpt-5.3-codex' }),
      codexTokenCountLine({ timestamp: ts(3), total: null }),
      tape.request(ts(4), { input: 12000, cached: 3000, output: 400, reasoning: 120 }),
      tape.reemit(ts(5)),
      tape.request(ts(6), { input: 15000, cached: 11000, output: 250, reasoning: 40 }),
      tape.reemit(ts(7)),
      tape.reemit(ts(8)),
      tape.request(ts(9), { input: 16000, cached: 15000, output: 90 }),
    ];
    const events = await read(await file(codexJsonl(lines)));
    expect(eventsOfType(events, 'diagnostic')).toEqual([]);
    const usage = eventsOfType(events, 'usage');
    expect(usage.map((u) => u.line)).toEqual([4, 6, 9]);
    expect(usage[0]).toMatchObject({
      sessionExternalId: SID,
      occurredAt: ts(4),
      model: 'gpt-5.3-codex',
      tokens: { input: 9000, cacheRead: 3000, output: 400, reasoning: 120, cacheWrite5m: 0, cacheWrite1h: 0 },
      rank: 12400,
      recordedCostUsd: null,
      isReplayCopy: false,
    });
    const totals = codexTotalsBySession(events).get(SID);
    expect(totals?.tokens).toMatchObject(tape.expected());
    expect(totals?.requests).toBe(3);
  });

  it('uses total differences for totals-only events', async () => {
    const tape = new CodexUsageTape();
    const lines = [
      meta(),
      codexTurnContextLine({ timestamp: ts(2), model: 'gpt-5.2' }),
      tape.request(ts(3), { input: 1000, cached: 100, output: 200, reasoning: 20 }, { totalsOnly: true }),
      tape.reemit(ts(4)),
      tape.request(ts(5), { input: 500, cached: 200, output: 250, reasoning: 20 }, { totalsOnly: true }),
    ];
    const events = await read(await file(codexJsonl(lines)));
    expect(codexTotalsBySession(events).get(SID)?.tokens).toMatchObject(tape.expected());
    expect(eventsOfType(events, 'usage').map((u) => u.tokens.input)).toEqual([900, 300]);
  });

  it('counts last_token_usage when a resumed process restarts its counter, and keeps the first session id', async () => {
    const tape = new CodexUsageTape();
    const lines = [
      meta(),
      codexTurnContextLine({ timestamp: ts(2), model: 'gpt-5.5' }),
      tape.request(ts(3), { input: 40000, cached: 30000, output: 900 }),
      tape.request(ts(4), { input: 42000, cached: 40000, output: 300 }),
      // `codex resume` appends a new session_meta and starts counting from zero.
      codexSessionMetaLine({ timestamp: ts(100), id: 'some-other-id', cwd: '/elsewhere' }),
      tape.reset(ts(101), { input: 45000, cached: 0, output: 100 }),
      tape.request(ts(102), { input: 46000, cached: 44000, output: 50 }),
    ];
    const events = await read(await file(codexJsonl(lines)));
    const totals = codexTotalsBySession(events);
    expect([...totals.keys()]).toEqual([SID]);
    expect(totals.get(SID)?.tokens).toMatchObject(tape.expected());
    expect(totals.get(SID)?.requests).toBe(4);
    expect(eventsOfType(events, 'activity').every((a) => a.projectPath === CWD)).toBe(true);
  });

  it('follows model switches: turn_context, and a model named on the event itself', async () => {
    const tape = new CodexUsageTape();
    const lines = [
      meta(),
      tape.request(ts(2), { input: 10, output: 1 }),
      codexTurnContextLine({ timestamp: ts(3), model: 'gpt-5.2-codex' }),
      tape.request(ts(4), { input: 10, output: 1 }),
      codexTurnContextLine({ timestamp: ts(5), model: 'o4-mini' }),
      tape.request(ts(6), { input: 10, output: 1 }),
      tape.request(ts(7), { input: 10, output: 1 }, { model: 'gpt-5.3-codex' }),
      tape.request(ts(8), { input: 10, output: 1 }),
      codexTurnContextLine({ timestamp: ts(9), model: null }),
      tape.request(ts(10), { input: 10, output: 1 }),
    ];
    const events = await read(await file(codexJsonl(lines)));
    // No model before the first turn_context: null (unpriced), never an invented gpt-5.
    expect(eventsOfType(events, 'usage').map((u) => u.model)).toEqual([
      null,
      'gpt-5.2-codex',
      'o4-mini',
      'gpt-5.3-codex',
      'gpt-5.3-codex',
      'gpt-5.3-codex',
    ]);
  });

  it('skips a thread_spawn child’s replay of its parent’s token counts and keeps their total as baseline', async () => {
    const parent = '019c0000-0000-7000-8000-0000000000aa';
    const child = '019c0000-0000-7000-8000-0000000000bb';
    const replay = new CodexUsageTape();
    const lines = [
      codexSessionMetaLine({ timestamp: ts(50), id: child, cwd: CWD, source: codexThreadSpawnSource(parent) }),
      // A second session_meta copied from the parent: ignored for identity.
      codexSessionMetaLine({ timestamp: ts(50, 1), id: parent, cwd: '/parent/cwd' }),
      codexTurnContextLine({ timestamp: ts(50, 2), model: 'gpt-5.5' }),
      replay.request(ts(50, 3), { input: 9000, cached: 1000, output: 500 }),
      replay.request(ts(50, 4), { input: 9500, cached: 9000, output: 300 }),
      replay.reemit(ts(50, 5)),
      codexTurnContextLine({ timestamp: ts(55), model: 'gpt-5.4-mini' }),
      // The child's own counter restarts: the total drops, so `last` counts.
      codexTokenCountLine({
        timestamp: ts(58),
        total: { input: 700, cached: 0, output: 40 },
        last: { input: 700, cached: 0, output: 40 },
      }),
      codexTokenCountLine({
        timestamp: ts(59),
        total: { input: 700, cached: 0, output: 40 },
        last: { input: 700, cached: 0, output: 40 },
      }),
      codexTokenCountLine({
        timestamp: ts(61),
        total: { input: 1500, cached: 600, output: 70 },
        last: { input: 800, cached: 600, output: 30 },
      }),
    ];
    const events = await read(await file(codexJsonl(lines), child));
    const usage = eventsOfType(events, 'usage');
    expect(
      usage.map((u) => [u.sessionExternalId, u.model, u.tokens.input, u.tokens.cacheRead, u.tokens.output]),
    ).toEqual([
      [child, 'gpt-5.4-mini', 700, 0, 40],
      [child, 'gpt-5.4-mini', 200, 600, 30],
    ]);
    const activity = eventsOfType(events, 'activity');
    expect(activity.map((a) => [a.sessionExternalId, a.parentExternalId, a.projectPath])).toEqual([
      [child, parent, CWD],
    ]);
  });

  it('measures a child’s own events from the replay baseline when its counter continues', async () => {
    const child = '019c0000-0000-7000-8000-0000000000cc';
    const lines = [
      codexSessionMetaLine({ timestamp: ts(50), id: child, source: codexThreadSpawnSource('p') }),
      codexTokenCountLine({
        timestamp: ts(50, 10),
        total: { input: 5000, cached: 0, output: 100 },
        last: { input: 5000, cached: 0, output: 100 },
      }),
      codexTokenCountLine({
        timestamp: ts(51, 500),
        total: { input: 5600, cached: 4000, output: 150 },
        last: { input: 600, cached: 4000, output: 50 },
      }),
    ];
    const events = await read(await file(codexJsonl(lines), child));
    // The total moved by 600 in / 4000 cached; the writer's last disagrees: the movement counts.
    expect(eventsOfType(events, 'usage').map((u) => u.tokens)).toEqual([
      { input: 0, cacheRead: 600, output: 50, reasoning: 0, cacheWrite5m: 0, cacheWrite1h: 0 },
    ]);
    expect(eventsOfType(events, 'diagnostic').map((d) => d.code)).toEqual(['invalid-record']);
  });

  it('does not treat ordinary sessions’ first events as a replay', async () => {
    const tape = new CodexUsageTape();
    const lines = [
      meta(),
      tape.request(ts(2), { input: 10, output: 1 }),
      tape.request(ts(2, 300), { input: 20, output: 2 }),
    ];
    expect(eventsOfType(await read(await file(codexJsonl(lines))), 'usage')).toHaveLength(2);
  });

  it('gives keys that repeat on a re-read and differ between counted events', async () => {
    const tape = new CodexUsageTape();
    const lines = [
      meta(),
      tape.request(ts(2), { input: 10, output: 1 }),
      tape.reset(ts(2), { input: 5, output: 1 }),
      tape.request(ts(2), { input: 10, output: 1 }),
    ];
    const path = await file(codexJsonl(lines));
    const first = eventsOfType(await read(path), 'usage').map((u) => u.dedupeKey);
    const second = eventsOfType(await read(path), 'usage').map((u) => u.dedupeKey);
    expect(first).toHaveLength(3);
    expect(new Set(first).size).toBe(3);
    expect(second).toEqual(first);
    expect(first[0]).toBe(`${SID}:${ts(2)}:10/0/1/0/11`);
  });

  it('keeps copies of one rollout under two session ids as two sessions', async () => {
    const tape = new CodexUsageTape();
    const body = [
      codexTurnContextLine({ timestamp: ts(2), model: 'gpt-5.2' }),
      tape.request(ts(3), { input: 100, output: 10 }),
    ];
    const a = await read(await file(codexJsonl([meta({ id: 'aaaa' }), ...body])));
    const b = await read(await file(codexJsonl([meta({ id: 'bbbb' }), ...body])));
    const totals = codexTotalsBySession([...a, ...b]);
    expect([...totals.keys()]).toEqual(['aaaa', 'bbbb']);
  });
});

describe('readRollout: sessions without usage', () => {
  it('lists a modern session with no token_count as activity with unknown tokens', async () => {
    const lines = [meta(), codexUserMessageLine(ts(2), 'hi'), codexResponseMessageLine(ts(30), 'assistant', 'hello')];
    const events = await read(await file(codexJsonl(lines)));
    expect(eventsOfType(events, 'usage')).toEqual([]);
    expect(eventsOfType(events, 'diagnostic')).toEqual([]);
    expect(eventsOfType(events, 'activity')).toEqual([
      {
        type: 'activity',
        sessionExternalId: SID,
        firstAt: ts(0),
        lastAt: ts(30),
        projectPath: CWD,
        parentExternalId: null,
        tokensKnown: false,
        title: null,
      },
    ]);
  });

  it('treats info:null-only token_counts as no token data', async () => {
    const lines = [meta(), codexTokenCountLine({ timestamp: ts(2), total: null })];
    const activity = eventsOfType(await read(await file(codexJsonl(lines))), 'activity');
    expect(activity.map((a) => a.tokensKnown)).toEqual([false]);
  });

  it('reads the legacy bare-header format as activity with unknown tokens', async () => {
    const lines = [
      codexLegacyHeaderLine({ id: 'legacy-session', timestamp: '2025-08-20T09:00:00.000Z' }),
      codexLegacyStateLine(),
      codexLegacyMessageLine('user', 'fix it'),
      codexLegacyStateLine(),
      codexLegacyMessageLine('assistant', 'done'),
    ];
    const events = await read(await file(codexJsonl(lines)));
    expect(eventsOfType(events, 'diagnostic')).toEqual([]);
    expect(eventsOfType(events, 'usage')).toEqual([]);
    expect(eventsOfType(events, 'activity')).toEqual([
      {
        type: 'activity',
        sessionExternalId: 'legacy-session',
        firstAt: '2025-08-20T09:00:00.000Z',
        lastAt: '2025-08-20T09:00:00.000Z',
        projectPath: null,
        parentExternalId: null,
        tokensKnown: false,
        title: null,
      },
    ]);
  });

  it('names a session without session_meta after its file and takes the project from turn_context', async () => {
    const tape = new CodexUsageTape();
    const path = await home.write(
      'h-named/.codex/sessions/project-alpha/session-alpha.jsonl',
      codexJsonl([
        codexTurnContextLine({ timestamp: ts(1), model: 'gpt-5.2-codex', cwd: '/w/alpha' }),
        tape.request(ts(2), { input: 10, output: 1 }),
      ]),
    );
    const events = await read(path);
    expect(eventsOfType(events, 'usage').map((u) => u.sessionExternalId)).toEqual(['project-alpha/session-alpha']);
    expect(eventsOfType(events, 'activity').map((a) => [a.sessionExternalId, a.projectPath, a.tokensKnown])).toEqual([
      ['project-alpha/session-alpha', '/w/alpha', true],
    ]);
  });
});

describe('readRollout: malformed input', () => {
  it('reports garbage, binary and invalid UTF-8 lines and reads on', async () => {
    const tape = new CodexUsageTape();
    const content = Buffer.concat([
      Buffer.from(`${meta()}\nnot json\n`),
      Buffer.from([0xff, 0xfe, 0x81, 0x0a]),
      Buffer.from('[1,2]\n{"timestamp":"yesterday","type":"event_msg","payload":{}}\n\n  \n'),
      Buffer.from(`${tape.request(ts(5), { input: 10, output: 1 })}\n`),
    ]);
    const events = await read(await file(content));
    expect(eventsOfType(events, 'diagnostic').map((d) => [d.code, d.line, d.severity])).toEqual([
      ['invalid-json', 2, 'warning'],
      ['invalid-utf8', 3, 'warning'],
      ['invalid-record', 4, 'warning'],
      ['invalid-record', 5, 'warning'],
    ]);
    expect(eventsOfType(events, 'usage').map((u) => u.line)).toEqual([8]);
  });

  it('decides the session at the first object record even after a corrupt first line', async () => {
    const events = await read(await file(`{"timestamp":"2026-02\n${meta()}\n`));
    expect(eventsOfType(events, 'activity').map((a) => a.sessionExternalId)).toEqual([SID]);
  });

  it('reports negative or non-numeric token counts and emits no usage for them', async () => {
    const lines = [
      meta(),
      codexTokenCountLine({
        timestamp: ts(2),
        total: null,
        rawInfo: { total_token_usage: { input_tokens: -5, output_tokens: 3 } },
      }),
      codexTokenCountLine({
        timestamp: ts(3),
        total: null,
        rawInfo: { last_token_usage: { input_tokens: 'NaN', output_tokens: 3 } },
      }),
      codexTokenCountLine({ timestamp: ts(4), total: null, rawInfo: { prompt: 1420, completion: 910 } }),
      codexTokenCountLine({ timestamp: ts(5), total: null, rawInfo: 'broken' }),
    ];
    const events = await read(await file(codexJsonl(lines)));
    expect(eventsOfType(events, 'usage')).toEqual([]);
    expect(eventsOfType(events, 'diagnostic').map((d) => d.line)).toEqual([2, 3, 4, 5]);
    expect(eventsOfType(events, 'activity').map((a) => a.tokensKnown)).toEqual([false]);
  });

  it('clamps cached > input with a diagnostic instead of negative tokens', async () => {
    const lines = [
      meta(),
      codexTokenCountLine({ timestamp: ts(2), total: { input: 100, cached: 150, output: 10, reasoning: 20 } }),
    ];
    const events = await read(await file(codexJsonl(lines)));
    expect(eventsOfType(events, 'usage').map((u) => u.tokens)).toEqual([
      { input: 0, cacheRead: 100, output: 10, reasoning: 10, cacheWrite5m: 0, cacheWrite1h: 0 },
    ]);
    expect(eventsOfType(events, 'diagnostic')).toHaveLength(1);
  });

  it('keeps the running total across a token_count with a bad timestamp', async () => {
    const tape = new CodexUsageTape();
    const lines = [
      meta(),
      tape.request(ts(2), { input: 100, output: 10 }),
      tape.request('[trimmed]', { input: 50, output: 5 }),
      tape.request(ts(4), { input: 20, output: 2 }),
    ];
    const events = await read(await file(codexJsonl(lines)));
    expect(eventsOfType(events, 'usage').map((u) => u.tokens.input)).toEqual([100, 20]);
    expect(eventsOfType(events, 'diagnostic').map((d) => d.line)).toEqual([3, 3]);
  });

  it('never consumes a partial last line and picks it up once completed', async () => {
    const tape = new CodexUsageTape();
    const complete = codexJsonl([meta(), tape.request(ts(2), { input: 100, output: 10 })]);
    const next = tape.request(ts(3), { input: 40, output: 4 });
    const path = await file(complete + next.slice(0, 30));
    const first = await read(path);
    const cp = eventsOfType(first, 'checkpoint').at(-1)!;
    expect(cp.offset).toBe(Buffer.byteLength(complete));
    expect(eventsOfType(first, 'diagnostic')).toEqual([]);
    await appendFile(path, `${next.slice(30)}\n`);
    const rest = await read(path, { offset: cp.offset, state: cp.state });
    expect(eventsOfType(rest, 'usage').map((u) => [u.line, u.tokens.input])).toEqual([[3, 40]]);
  });

  it('skips lines over the limit with line-too-long', async () => {
    const tape = new CodexUsageTape();
    const long = codexResponseMessageLine(ts(2), 'assistant', 'y'.repeat(3000));
    const limits = { ...DEFAULT_READ_LIMITS, chunkSize: 256, maxLineBytes: 1000 };
    const events = await read(
      await file(codexJsonl([meta(), long, tape.request(ts(3), { input: 5, output: 1 }), long])),
      START,
      limits,
    );
    expect(eventsOfType(events, 'diagnostic').map((d) => [d.code, d.line])).toEqual([
      ['line-too-long', 2],
      ['line-too-long', 4],
    ]);
    expect(eventsOfType(events, 'usage').map((u) => u.line)).toEqual([3]);
  });

  it('reports an unreadable source as one error diagnostic', async () => {
    const events = await read(`${home.dir}/missing.jsonl`);
    expect(events.map((e) => e.type)).toEqual(['diagnostic']);
    expect(events[0]).toMatchObject({ severity: 'error', code: 'unreadable-source' });
  });
});

describe('readRollout: resumable reads', () => {
  async function session(): Promise<string> {
    const tape = new CodexUsageTape();
    const lines = [
      meta(),
      codexTurnContextLine({ timestamp: ts(2), model: 'gpt-5.5' }),
      codexTokenCountLine({ timestamp: ts(3), total: null }),
    ];
    for (let i = 0; i < 12; i += 1) {
      if (i === 4) lines.push(codexTurnContextLine({ timestamp: ts(10 + i), model: 'gpt-5.4' }));
      if (i === 8) lines.push(tape.reset(ts(10 + i, 1), { input: 300, cached: 100, output: 9 }));
      lines.push(tape.request(ts(10 + i, 500), { input: 1000 + i, cached: 500, output: 30 + i, reasoning: i }));
      lines.push(tape.reemit(ts(10 + i, 900)));
    }
    return file(codexJsonl(lines));
  }

  it('two-part reads from any checkpoint equal one full read', async () => {
    const path = await session();
    const limits = { ...DEFAULT_READ_LIMITS, checkpointLines: 1 };
    const full = await read(path, START, limits);
    const checkpoints = eventsOfType(full, 'checkpoint');
    expect(checkpoints.length).toBeGreaterThan(20);
    for (const cp of checkpoints) {
      const before = full.slice(0, full.indexOf(cp) + 1);
      const after = await read(path, { offset: cp.offset, state: cp.state }, limits);
      expect(eventsOfType([...before, ...after], 'usage')).toEqual(eventsOfType(full, 'usage'));
      expect(eventsOfType(after, 'checkpoint').at(-1) ?? cp).toEqual(checkpoints.at(-1));
    }
  });

  it('reads from the start when the checkpoint state cannot be continued', async () => {
    const path = await session();
    const full = await read(path);
    const resumed = await read(path, { offset: 500, state: { foreign: true } });
    expect(eventsOfType(resumed, 'usage')).toEqual(eventsOfType(full, 'usage'));
    const noState = await read(path, { offset: 500, state: null });
    expect(eventsOfType(noState, 'usage')).toEqual(eventsOfType(full, 'usage'));
  });

  it('ends on exactly one checkpoint at EOF, also for an empty file', async () => {
    const empty = await read(await file(''));
    expect(empty).toEqual([
      { type: 'checkpoint', offset: 0, state: expect.objectContaining({ line: 0, sessionId: null }) as unknown },
    ]);
    const path = await session();
    const full = await read(path);
    const atEnd = eventsOfType(full, 'checkpoint').at(-1)!;
    const again = await read(path, { offset: atEnd.offset, state: atEnd.state });
    expect(again).toEqual([atEnd]);
  });
});
