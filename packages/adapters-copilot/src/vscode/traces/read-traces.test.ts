import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTokens, ZERO_TOKENS, type AdapterContext, type AdapterEvent } from '@rimuru/core';
import {
  chatSpan,
  collectEvents,
  invokeAgentSpan,
  mergeActivity,
  ofType,
  tokensBySession,
  writeCopilotTracedHome,
  writeTraceDb,
} from '@rimuru/test-utils/copilot';
import { copilotAdapter } from '../../adapter.js';
import { readTraceStore } from './read-traces.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'rimuru-copilot-traces-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const ctx = (): AdapterContext => ({ homeDir: home, platform: 'linux', env: {} }) as AdapterContext;

/** Every source of the home read the way the engine does (whole, from the start). */
async function readHome(): Promise<AdapterEvent[]> {
  const events: AdapterEvent[] = [];
  for (const source of await copilotAdapter.discover(ctx())) {
    events.push(...(await collectEvents(copilotAdapter.read(source, { offset: 0, state: null }, ctx()))));
  }
  return events;
}

describe('a home with a traced and an untraced chat', () => {
  for (const options of [
    { schemaVersion: 2, journalMode: 'wal' },
    { schemaVersion: 1, journalMode: 'delete' },
  ] as const) {
    it(`gives the traced chat exact tokens and leaves the untraced one unknown (schema v${options.schemaVersion}, ${options.journalMode})`, async () => {
      const { truth } = await writeCopilotTracedHome(home, options);
      const events = await readHome();
      const tokens = tokensBySession(events);
      const activity = mergeActivity(events);
      expect(ofType(events, 'diagnostic')).toEqual([]);
      for (const session of truth) {
        const merged = activity.get(session.sessionId);
        expect(merged, session.sessionId).toBeDefined();
        expect(merged?.tokensKnown, session.sessionId).toBe(session.tokens !== null);
        expect(tokens.get(session.sessionId) ?? null, session.sessionId).toEqual(session.tokens);
        expect(ofType(events, 'usage').filter((u) => u.sessionExternalId === session.sessionId)).toHaveLength(
          session.requests,
        );
        expect([merged?.firstAt, merged?.lastAt, merged?.projectPath]).toEqual([
          session.firstAt,
          session.lastAt,
          session.projectPath,
        ]);
      }
      // Sessions others count (Copilot CLI, Claude agent), inline requests and the subagent's
      // own invocation id never appear; the traced chats are the only sessions with usage.
      expect([...tokens.keys()].sort()).toEqual(
        truth
          .filter((s) => s.tokens !== null)
          .map((s) => s.sessionId)
          .sort(),
      );
      for (const id of ['cli-session-1', 'claude-session-1', 'claude-session-2', 'subagent-invocation-9'])
        expect(activity.has(id)).toBe(false);
    });
  }

  it('reads the store the same way twice (stable dedupe keys, nothing added)', async () => {
    const { traceDbPath } = await writeCopilotTracedHome(home);
    const first = ofType(await collectEvents(readTraceStore(traceDbPath)), 'usage');
    const second = ofType(await collectEvents(readTraceStore(traceDbPath)), 'usage');
    expect(second.map((u) => u.dedupeKey)).toEqual(first.map((u) => u.dedupeKey));
    expect(new Set(first.map((u) => u.dedupeKey)).size).toBe(first.length);
  });

  it('keeps the models as the spans name them (response model first)', async () => {
    const { traceDbPath } = await writeCopilotTracedHome(home);
    const models = ofType(await collectEvents(readTraceStore(traceDbPath)), 'usage').map((u) => u.model);
    expect(models).toContain('gpt-4.1-2025-04-14');
    expect(models).not.toContain('gpt-4.1');
    expect(models).toContain('claude-haiku-4.5');
  });
});

describe('hostile and odd stores', () => {
  const path = (): string => join(home, 'agent-traces.db');

  it('reports a file that is not SQLite as unreadable, without a checkpoint', async () => {
    await writeFile(path(), 'not a database at all, just some text that is long enough to have a header'.repeat(20));
    const events = await collectEvents(readTraceStore(path()));
    expect(events.map((e) => (e.type === 'diagnostic' ? `${e.severity}:${e.code}` : e.type))).toEqual([
      'error:unreadable-source',
    ]);
  });

  it('reports a SQLite file without a spans table and reads nothing', async () => {
    const db = new (await import('libsql')).default(path());
    db.exec('CREATE TABLE other (x)');
    db.close();
    const events = await collectEvents(readTraceStore(path()));
    expect(ofType(events, 'diagnostic').map((d) => d.code)).toEqual(['invalid-record']);
    expect(ofType(events, 'usage')).toEqual([]);
  });

  it('reads undecodable and non-numeric values as diagnostics, never crashing, and keeps the good spans', async () => {
    const good = chatSpan({
      traceId: 't1',
      parentSpanId: 'p',
      startMs: 1_772_000_000_000,
      model: 'gpt-5',
      chatSessionId: 's1',
      tokens: { newInput: 10, output: 5 },
    });
    writeTraceDb(path(), [
      good,
      // chat_session_id bytes that are not UTF-8: the span cannot be placed.
      {
        ...chatSpan({
          traceId: 't2',
          parentSpanId: 'p',
          startMs: 1_772_000_001_000,
          model: 'gpt-5',
          tokens: { newInput: 1, output: 1 },
        }),
        rawColumns: { chat_session_id: new Uint8Array([0xff, 0xfe, 0x41]) },
      },
      // A model that is not UTF-8: read, model unknown.
      {
        ...chatSpan({
          traceId: 't3',
          parentSpanId: 'p',
          startMs: 1_772_000_002_000,
          model: 'gpt-5',
          chatSessionId: 's1',
          tokens: { newInput: 3, output: 2 },
        }),
        rawColumns: { response_model: new Uint8Array([0xc3, 0x28]), request_model: null },
      },
      // Text in a token column and a negative count: invalid, no usage invented.
      {
        ...chatSpan({
          traceId: 't4',
          parentSpanId: 'p',
          startMs: 1_772_000_003_000,
          model: 'gpt-5',
          chatSessionId: 's1',
          tokens: { newInput: 1, output: 1 },
        }),
        rawColumns: { input_tokens: 'lots' },
      },
      {
        ...chatSpan({
          traceId: 't5',
          parentSpanId: 'p',
          startMs: 1_772_000_004_000,
          model: 'gpt-5',
          chatSessionId: 's1',
          tokens: { newInput: 1, output: 1 },
        }),
        rawColumns: { output_tokens: -4 },
      },
      // More cache than input: input 0, flagged.
      {
        ...chatSpan({
          traceId: 't6',
          parentSpanId: 'p',
          startMs: 1_772_000_005_000,
          model: 'gpt-5',
          chatSessionId: 's1',
          tokens: { newInput: 0, output: 1, cacheRead: 50 },
        }),
        rawColumns: { input_tokens: 20 },
      },
    ]);
    const events = await collectEvents(readTraceStore(path()));
    const codes = ofType(events, 'diagnostic')
      .map((d) => d.code)
      .sort();
    expect(codes).toEqual(['inconsistent-usage', 'invalid-record', 'invalid-record', 'invalid-utf8', 'invalid-utf8']);
    const usage = ofType(events, 'usage');
    expect(usage.map((u) => [u.model, u.tokens.input, u.tokens.output, u.tokens.cacheRead])).toEqual([
      ['gpt-5', 10, 5, 0],
      [null, 3, 2, 0],
      ['gpt-5', 0, 1, 50],
    ]);
    expect(events.at(-1)?.type).toBe('checkpoint');
  });

  it('does not count the token sums an invoke_agent span repeats', async () => {
    const turn = invokeAgentSpan({
      traceId: 't',
      startMs: 1_772_000_000_000,
      endMs: 1_772_000_009_000,
      agentName: 'agent',
      chatSessionId: 's',
      totals: { input: 500, output: 50 },
    });
    writeTraceDb(path(), [
      turn,
      chatSpan({
        traceId: 't',
        parentSpanId: turn.spanId,
        startMs: 1_772_000_001_000,
        model: 'gpt-5',
        chatSessionId: 's',
        tokens: { newInput: 500, output: 50 },
      }),
    ]);
    const usage = ofType(await collectEvents(readTraceStore(path())), 'usage');
    expect(usage.reduce((acc, u) => addTokens(acc, u.tokens), { ...ZERO_TOKENS })).toEqual({
      ...ZERO_TOKENS,
      input: 500,
      output: 50,
    });
  });

  it('reads fractional epoch-ms times (OpenTelemetry high-resolution time) as instants', async () => {
    writeTraceDb(path(), [
      chatSpan({
        traceId: 't',
        parentSpanId: 'p',
        startMs: 1_772_000_000_000.25,
        durationMs: 999.5,
        model: 'gpt-5',
        chatSessionId: 's',
        tokens: { newInput: 1, output: 1 },
      }),
    ]);
    const events = await collectEvents(readTraceStore(path()));
    expect(ofType(events, 'usage').map((u) => u.occurredAt)).toEqual([new Date(1_772_000_000_999).toISOString()]);
    expect(ofType(events, 'activity').map((a) => a.firstAt)).toEqual([new Date(1_772_000_000_000).toISOString()]);
  });

  it("keeps each request's AI credits (copilot_usage_nano_aiu) as plan units, never dollars", async () => {
    const span = (id: string, startMs: number, aiu?: string) => {
      const s = chatSpan({
        traceId: id,
        parentSpanId: 'p',
        startMs,
        model: 'claude-sonnet-4.5',
        chatSessionId: 's',
        tokens: { newInput: 10, output: 5 },
      });
      return aiu === undefined
        ? s
        : { ...s, attributes: { ...s.attributes, 'copilot_chat.copilot_usage_nano_aiu': aiu } };
    };
    writeTraceDb(path(), [
      span('t1', 1_772_000_000_000, '29671890000'),
      span('t2', 1_772_000_001_000),
      span('t3', 1_772_000_002_000, 'lots'),
    ]);
    const events = await collectEvents(readTraceStore(path()));
    expect(ofType(events, 'usage').map((u) => [u.dedupeKey.split(':')[1], u.nanoAiu, u.recordedCostUsd])).toEqual([
      ['t1', 29_671_890_000, null],
      ['t2', undefined, null],
      ['t3', undefined, null],
    ]);
    expect(ofType(events, 'diagnostic').map((d) => d.message)).toEqual([
      expect.stringMatching(/copilot_usage_nano_aiu "lots" is not a number; AI credits left out/),
    ]);
  });

  it('marks a session whose requests all failed as tokens unknown, with its activity', async () => {
    writeTraceDb(path(), [
      chatSpan({ traceId: 't', parentSpanId: 'gone', startMs: 1_772_000_000_000, model: 'gpt-5', chatSessionId: 's' }),
    ]);
    const events = await collectEvents(readTraceStore(path()));
    expect(ofType(events, 'usage')).toEqual([]);
    expect(ofType(events, 'activity').map((a) => [a.sessionExternalId, a.tokensKnown])).toEqual([['s', false]]);
  });
});
