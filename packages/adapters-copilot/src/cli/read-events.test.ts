import { appendFile, writeFile } from 'node:fs/promises';
import type { AdapterEvent, CheckpointEvent, ReadPosition } from '@rimuru/core';
import {
  collectEvents,
  copilotAssistantMessage,
  copilotEvent,
  copilotSessionResume,
  copilotSessionStart,
  copilotShutdown,
  copilotUserMessage,
  jsonl,
  mergeActivity,
  ofType,
  tokensBySession,
} from '@rimuru/test-utils/copilot';
import { createTempHome, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLI_READ_LIMITS, readCliEvents, type CliReadLimits } from './read-events.js';

let home: TempHome;
beforeEach(async () => {
  home = await createTempHome('rimuru-copilot-cli-');
});
afterEach(async () => {
  await home.cleanup();
});

const START: ReadPosition = { offset: 0, state: null };
const SID = '5f0c1a2b-0000-4000-8000-000000000001';
const t = (second: number, minute = 0) =>
  `2026-04-08T10:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}.000Z`;
const read = (path: string, from: ReadPosition = START, limits?: CliReadLimits) =>
  collectEvents(readCliEvents(path, from, limits));

/** Two process runs of one session (resumed), each closed by a shutdown, then an open third run. */
function resumedSession(): string[] {
  return [
    copilotSessionStart({ id: 'e1', timestamp: t(0), sessionId: SID, cwd: '/work/app' }),
    copilotUserMessage({ id: 'e2', timestamp: t(1), content: 'hi' }),
    copilotAssistantMessage({ id: 'e3', timestamp: t(2), content: 'hello', outputTokens: 7, model: 'gpt-5.4' }),
    copilotShutdown({
      id: 'sd-1',
      timestamp: t(3),
      modelMetrics: { 'gpt-5.4': { inputTokens: 4_700, outputTokens: 327, cacheReadTokens: 4_600 } },
    }),
    copilotSessionResume({ id: 'e5', timestamp: t(0, 5), cwd: '/elsewhere' }),
    copilotAssistantMessage({ id: 'e6', timestamp: t(1, 5), content: 'again', outputTokens: 9 }),
    copilotShutdown({
      id: 'sd-2',
      timestamp: t(2, 5),
      modelMetrics: {
        'gpt-5.4': { inputTokens: 1_000, outputTokens: 100, cacheReadTokens: 500, cacheWriteTokens: 200 },
        'claude-opus-4.7-1m-internal': { inputTokens: 300, outputTokens: 30 },
      },
    }),
    copilotSessionResume({ id: 'e8', timestamp: t(0, 9), cwd: '/work/app' }),
    copilotAssistantMessage({ id: 'e9', timestamp: t(1, 9), content: 'open run', outputTokens: 5_000 }),
  ];
}

describe('readCliEvents: usage', () => {
  it('emits one usage event per (shutdown, model) and sums the runs of a resumed session', async () => {
    const path = await home.write('events.jsonl', jsonl(resumedSession()));
    const events = await read(path);
    const usage = ofType(events, 'usage');
    expect(usage.map((u) => [u.dedupeKey, u.model, u.occurredAt, u.line])).toEqual([
      [`${SID}:sd-1:gpt-5.4`, 'gpt-5.4', t(3), 4],
      [`${SID}:sd-2:gpt-5.4`, 'gpt-5.4', t(2, 5), 7],
      [`${SID}:sd-2:claude-opus-4.7-1m-internal`, 'claude-opus-4.7-1m-internal', t(2, 5), 7],
    ]);
    expect(usage[0]?.tokens).toEqual({
      input: 100,
      output: 327,
      cacheRead: 4_600,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      reasoning: 0,
    });
    expect(usage[1]?.tokens).toEqual({
      input: 300,
      output: 100,
      cacheRead: 500,
      cacheWrite5m: 200,
      cacheWrite1h: 0,
      reasoning: 0,
    });
    for (const u of usage) {
      expect(u.sessionExternalId).toBe(SID);
      expect(u.rank).toBe(u.tokens.input + u.tokens.output + u.tokens.cacheRead + u.tokens.cacheWrite5m);
      expect(u.recordedCostUsd).toBeNull();
      expect(u).toMatchObject({ replayKey: null, isReplayCopy: false, speed: null });
    }
    // The open third run's per-message outputTokens (5,000) are never counted or estimated.
    expect(tokensBySession(events).get(SID)).toEqual({
      input: 100 + 300 + 300,
      output: 327 + 100 + 30,
      cacheRead: 4_600 + 500,
      cacheWrite5m: 200,
      cacheWrite1h: 0,
      reasoning: 0,
    });
    expect(ofType(events, 'diagnostic')).toEqual([]);
  });

  it('takes the project from session.start and spans every event; tokens known once a run shut down', async () => {
    const path = await home.write('events.jsonl', jsonl(resumedSession()));
    const activity = mergeActivity(await read(path)).get(SID);
    expect(activity).toEqual({
      sessionExternalId: SID,
      firstAt: t(0),
      lastAt: t(1, 9),
      projectPath: '/work/app',
      parentExternalId: null,
      tokensKnown: true,
      title: null,
    });
  });

  it('leaves a session that never shut down with unknown tokens and no usage', async () => {
    const lines = resumedSession().slice(0, 3);
    const path = await home.write('events.jsonl', jsonl(lines));
    const events = await read(path);
    expect(ofType(events, 'usage')).toEqual([]);
    expect(ofType(events, 'activity')).toEqual([expect.objectContaining({ tokensKnown: false, lastAt: t(2) })]);
  });

  it('uses the shutdown timestamp as the run key when the event has no id', async () => {
    const shutdown = JSON.parse(
      copilotShutdown({ id: 'x', timestamp: t(9), modelMetrics: { 'gpt-4.1': { inputTokens: 10, outputTokens: 2 } } }),
    ) as Record<string, unknown>;
    delete shutdown.id;
    const path = await home.write(
      'events.jsonl',
      jsonl([copilotSessionStart({ id: 'e1', timestamp: t(0), sessionId: SID }), JSON.stringify(shutdown)]),
    );
    expect(ofType(await read(path), 'usage').map((u) => u.dedupeKey)).toEqual([`${SID}:${t(9)}:gpt-4.1`]);
  });

  it('marks each run as the sum of its requests: requests.count, a bare number, else an unknown count', async () => {
    const usage = (inputTokens: number) => ({ inputTokens, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 });
    const lines = [
      copilotSessionStart({ id: 'e1', timestamp: t(0), sessionId: SID }),
      copilotShutdown({
        id: 'sd',
        timestamp: t(2),
        modelMetrics: {},
        rawModelMetrics: {
          'claude-sonnet-4.5': { requests: { count: 14, cost: 14 }, usage: usage(260_000) },
          'gpt-4.1': { requests: { count: 1, cost: 0 }, usage: usage(1_000) },
          'gpt-5-mini': { requests: 3, usage: usage(2_000) },
          'gpt-5.4': { requests: { cost: 2 }, usage: usage(3_000) },
          'o4-mini': { requests: { count: 0 }, usage: usage(4_000) },
        },
      }),
    ];
    const events = await read(await home.write('events.jsonl', jsonl(lines)));
    expect(ofType(events, 'usage').map((u) => [u.model, u.requestCount])).toEqual([
      ['claude-sonnet-4.5', 14],
      ['gpt-4.1', 1],
      ['gpt-5-mini', 3],
      ['gpt-5.4', null],
      ['o4-mini', null],
    ]);
    // Written after `line`, so the read workers' column codec keeps its fast path.
    expect(Object.keys(ofType(events, 'usage')[0]!).indexOf('requestCount')).toBe(
      Object.keys(ofType(events, 'usage')[0]!).indexOf('line') + 1,
    );
    expect(ofType(events, 'diagnostic')).toEqual([]);
  });

  it('keeps the plan units of each (run, model): premium requests as written, AI credits in nano-AIU', async () => {
    const usage = { inputTokens: 1_000, outputTokens: 10 };
    const lines = [
      copilotSessionStart({ id: 'e1', timestamp: t(0), sessionId: SID }),
      copilotShutdown({
        id: 'sd',
        timestamp: t(2),
        totalNanoAiu: 9_000_000_000,
        modelMetrics: {},
        rawModelMetrics: {
          'claude-haiku-4.5': { requests: { count: 3, cost: 0.9900000000000001 }, totalNanoAiu: 1_250_000_000, usage },
          'gpt-5-mini': { requests: { count: 2, cost: 0 }, usage },
          'gpt-4.1': { requests: 4, usage },
          'o4-mini': { requests: { count: 1, cost: 'one' }, totalNanoAiu: -5, usage },
        },
      }),
    ];
    const events = ofType(await read(await home.write('events.jsonl', jsonl(lines))), 'usage');
    expect(events.map((u) => [u.model, u.premiumRequests, u.nanoAiu])).toEqual([
      ['claude-haiku-4.5', 0.9900000000000001, 1_250_000_000],
      ['gpt-5-mini', 0, undefined], // a free model: zero premium requests, and that is known
      ['gpt-4.1', undefined, undefined], // an older build's bare count says nothing of cost
      ['o4-mini', undefined, undefined], // unreadable values are left out, never guessed
    ]);
    // Never dollars.
    expect(events.every((u) => u.recordedCostUsd === null)).toBe(true);
    expect(Object.keys(events[0]!).slice(-3)).toEqual(['requestCount', 'premiumRequests', 'nanoAiu']);
  });

  it('ignores tokenDetails and assistant.usage, and skips all-zero model rows', async () => {
    const lines = [
      copilotSessionStart({ id: 'e1', timestamp: t(0), sessionId: SID }),
      copilotEvent(
        'assistant.usage',
        { model: 'gpt-4.1', inputTokens: 50_000, outputTokens: 9_000, cost: 1 },
        { id: 'u1', timestamp: t(1) },
      ),
      copilotShutdown({
        id: 'sd',
        timestamp: t(2),
        totalNanoAiu: 3_236_385_000,
        modelMetrics: {
          'gpt-4.1': { inputTokens: 10, outputTokens: 2 },
          'gpt-5-mini': { inputTokens: 0, outputTokens: 0, requests: 0 },
        },
      }),
    ];
    const events = await read(await home.write('events.jsonl', jsonl(lines)));
    expect(ofType(events, 'usage').map((u) => [u.model, u.tokens.input, u.tokens.output])).toEqual([
      ['gpt-4.1', 10, 2],
    ]);
  });

  it('reports malformed shutdown metrics as diagnostics and keeps the readable rows', async () => {
    const lines = [
      copilotSessionStart({ id: 'e1', timestamp: t(0), sessionId: SID }),
      copilotShutdown({
        id: 'sd',
        timestamp: t(1),
        modelMetrics: {},
        rawModelMetrics: {
          'gpt-5-mini': { requests: 2 },
          bad: { usage: { inputTokens: '12', outputTokens: 1 } },
          neg: { usage: { inputTokens: 5, outputTokens: 1, cacheReadTokens: 9 } },
          ok: { usage: { inputTokens: 5, outputTokens: 1 } },
        },
      }),
      copilotShutdown({ id: 'sd2', timestamp: t(2), modelMetrics: {}, rawModelMetrics: 'nope' }),
    ];
    const events = await read(await home.write('events.jsonl', jsonl(lines)));
    expect(ofType(events, 'diagnostic').map((d) => [d.code, d.line])).toEqual([
      ['missing-usage', 2],
      ['invalid-record', 2],
      ['inconsistent-usage', 2],
      ['invalid-record', 3],
    ]);
    expect(ofType(events, 'usage').map((u) => [u.model, u.tokens.input])).toEqual([
      ['neg', 0],
      ['ok', 5],
    ]);
  });
});

describe('readCliEvents: session identity', () => {
  it('takes the id of the first session.start, else the folder or file name', async () => {
    const started = await home.write('session-state/dir-id/events.jsonl', jsonl(resumedSession().slice(0, 2)));
    expect(ofType(await read(started), 'activity')[0]?.sessionExternalId).toBe(SID);

    const noStart = [
      copilotUserMessage({ id: 'e1', timestamp: t(1), content: 'x' }),
      copilotSessionStart({ id: 'e2', timestamp: t(2), sessionId: 'other' }),
    ];
    const nested = await home.write('session-state/dir-id/events.jsonl', jsonl(noStart));
    const nestedEvents = await read(nested);
    expect(ofType(nestedEvents, 'activity').map((a) => a.sessionExternalId)).toEqual(['dir-id']);
    expect(ofType(nestedEvents, 'diagnostic').map((d) => d.code)).toEqual(['session-id-mismatch']);

    const flat = await home.write('session-state/legacy-id.jsonl', jsonl(noStart.slice(0, 1)));
    expect(ofType(await read(flat), 'activity')[0]?.sessionExternalId).toBe('legacy-id');
  });
});

describe('readCliEvents: malformed input', () => {
  it('turns garbage into counted diagnostics and never throws', async () => {
    const content = [
      'This is not json',
      copilotSessionStart({ id: 'e1', timestamp: t(0), sessionId: SID, cwd: '/p' }),
      '{"totally_wrong": true}',
      '[1,2]',
      '',
      copilotEvent('future.new_event', { x: 1 }, { id: 'e2', timestamp: t(5) }),
      copilotEvent('user.message', { content: 'x' }, { id: 'e3', timestamp: '[trimmed for fixture]' }),
    ].join('\n');
    const path = await home.write('events.jsonl', `${content}\n`);
    await appendFile(path, Buffer.from([0xff, 0xfe, 0x0a]));
    const events = await read(path);
    expect(ofType(events, 'diagnostic').map((d) => [d.code, d.line])).toEqual([
      ['invalid-json', 1],
      ['invalid-record', 3],
      ['invalid-record', 4],
      ['invalid-record', 7],
      ['invalid-utf8', 8],
    ]);
    expect(ofType(events, 'activity')).toEqual([
      expect.objectContaining({ firstAt: t(0), lastAt: t(5), projectPath: '/p' }),
    ]);
  });

  it('skips over-long lines without holding them', async () => {
    const big = copilotUserMessage({ id: 'big', timestamp: t(1), content: 'x'.repeat(5_000) });
    const path = await home.write(
      'events.jsonl',
      jsonl([copilotSessionStart({ id: 'e1', timestamp: t(0), sessionId: SID }), big]),
    );
    const events = await read(path, START, { ...DEFAULT_CLI_READ_LIMITS, chunkSize: 1024, maxLineBytes: 2_000 });
    expect(ofType(events, 'diagnostic').map((d) => [d.code, d.line])).toEqual([['line-too-long', 2]]);
  });

  it('reports an unreadable file once, with no checkpoint', async () => {
    const events = await read(`${home.dir}/missing/events.jsonl`);
    expect(events).toEqual([
      expect.objectContaining({ type: 'diagnostic', severity: 'error', code: 'unreadable-source' }),
    ]);
  });
});

describe('readCliEvents: resumable reads', () => {
  it('never consumes a partial last line; appending completes it', async () => {
    const lines = resumedSession();
    const whole = jsonl(lines);
    const cut = whole.indexOf('"sd-1"'); // inside the first shutdown line
    const path = await home.write('events.jsonl', whole.slice(0, cut));
    const first = await read(path);
    const cp = ofType(first, 'checkpoint').at(-1) as CheckpointEvent;
    expect(cp.offset).toBe(whole.lastIndexOf('\n', cut) + 1);
    expect(ofType(first, 'usage')).toEqual([]);
    await writeFile(path, whole);
    const second = await read(path, cp);
    expect(ofType(second, 'usage').map((u) => u.line)).toEqual([4, 7, 7]);
    expect(tokensBySession([...first, ...second])).toEqual(tokensBySession(await read(path)));
  });

  it('resuming from every checkpoint gives the same usage, diagnostics and merged activity as one read', async () => {
    const lines = [...resumedSession(), 'garbage'];
    const path = await home.write('events.jsonl', jsonl(lines));
    const limits = { ...DEFAULT_CLI_READ_LIMITS, chunkSize: 64, checkpointLines: 2 };
    const full = await read(path, START, limits);
    const checkpoints = ofType(full, 'checkpoint');
    expect(checkpoints.length).toBeGreaterThan(3);
    const strip = (events: AdapterEvent[]) => events.filter((e) => e.type === 'usage' || e.type === 'diagnostic');
    for (const cp of checkpoints) {
      const before = full.slice(0, full.indexOf(cp) + 1);
      const after = await read(path, cp, limits);
      expect(strip([...before, ...after])).toEqual(strip(full));
      expect(mergeActivity([...before, ...after])).toEqual(mergeActivity(full));
      expect(ofType(after, 'checkpoint').at(-1)).toEqual(checkpoints.at(-1));
    }
  });

  it('is idempotent under a full re-read (same dedupe keys and ranks)', async () => {
    const path = await home.write('events.jsonl', jsonl(resumedSession()));
    const once = ofType(await read(path), 'usage');
    const twice = ofType(await read(path), 'usage');
    expect(twice).toEqual(once);
    expect(tokensBySession([...once, ...twice])).toEqual(tokensBySession(once));
  });
});
