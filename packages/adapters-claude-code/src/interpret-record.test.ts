import type { AdapterEvent, UsageEvent } from '@rimuru/core';
import {
  claudeAgentProgressLine,
  claudeAssistantLine,
  claudeQueueOperationLine,
  claudeSummaryLine,
  claudeSystemLine,
  claudeUserLine,
  collectEvents,
  dedupeUsage,
  jsonl,
  totalsBySession,
  type ClaudeAssistantInit,
} from '@rimuru/test-utils/claude';
import { createTempHome, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANK_SCALE } from './interpret-record.js';
import { readTranscript } from './read-transcript.js';

const SID = 'aaaaaaaa-0000-4000-8000-000000000001';
const SID2 = 'bbbbbbbb-0000-4000-8000-000000000002';
const CWD = '/home/dev/app';
let home: TempHome;
let counter = 0;
beforeAll(async () => {
  home = await createTempHome('rimuru-claude-rec-');
});
afterAll(async () => {
  await home.cleanup();
});

async function readLines(lines: string[]): Promise<AdapterEvent[]> {
  counter += 1;
  const path = await home.write(`p${counter}/s.jsonl`, jsonl(lines));
  return collectEvents(readTranscript(path, { offset: 0, state: null }));
}

function line(over: Partial<ClaudeAssistantInit> = {}): string {
  return claudeAssistantLine({
    sessionId: SID,
    cwd: CWD,
    timestamp: '2026-02-10T21:11:59.186Z',
    model: 'claude-opus-4-6',
    messageId: 'msg_A',
    requestId: 'req_A',
    usage: { input: 3, output: 13, cacheRead: 11515, cacheWrite1h: 13835 },
    ...over,
  });
}

const usages = (events: AdapterEvent[]) => events.filter((e): e is UsageEvent => e.type === 'usage');
const diagnostics = (events: AdapterEvent[]) => events.filter((e) => e.type === 'diagnostic');
const activities = (events: AdapterEvent[]) => events.filter((e) => e.type === 'activity');

describe('usage events', () => {
  it('maps a 2.x assistant line exactly', async () => {
    const [u] = usages(
      await readLines([
        line({
          usage: { input: 3, output: 13, cacheRead: 11515, cacheWrite5m: 7, cacheWrite1h: 13835, speed: 'fast' },
        }),
      ]),
    );
    expect(u).toEqual({
      type: 'usage',
      sessionExternalId: SID,
      dedupeKey: 'msg_A:req_A',
      rank: (3 + 13 + 11515 + 7 + 13835) * RANK_SCALE + 13,
      replayKey: 'msg_A',
      isReplayCopy: false,
      occurredAt: '2026-02-10T21:11:59.186Z',
      model: 'claude-opus-4-6',
      tokens: { input: 3, output: 13, cacheRead: 11515, cacheWrite5m: 7, cacheWrite1h: 13835, reasoning: 0 },
      recordedCostUsd: null,
      speed: 'fast',
      line: 1,
    });
  });

  it('counts the flat cache_creation_input_tokens as 5-minute writes when there is no nested split', async () => {
    const [u] = usages(await readLines([line({ usage: { input: 1, output: 2, cacheWrite5m: 500, nested: false } })]));
    expect(u?.tokens).toMatchObject({ cacheWrite5m: 500, cacheWrite1h: 0 });
  });

  it('emits every streamed copy with a rank so the largest output wins', async () => {
    const events = await readLines([
      line({ usage: { input: 3, output: 500 } }),
      line({ usage: { input: 3, output: 5 } }),
      line({ usage: { input: 3, output: 50 } }),
    ]);
    expect(usages(events)).toHaveLength(3);
    expect(new Set(usages(events).map((u) => u.dedupeKey))).toEqual(new Set(['msg_A:req_A']));
    expect(dedupeUsage(usages(events)).map((u) => u.tokens.output)).toEqual([500]);
  });

  it('ranks by total first (ccusage keeps the larger total), output second', async () => {
    const events = await readLines([
      line({ usage: { input: 3, output: 100 } }),
      line({ usage: { input: 1000, output: 5 } }),
    ]);
    expect(dedupeUsage(usages(events)).map((u) => [u.tokens.input, u.tokens.output])).toEqual([[1000, 5]]);
    const tie = await readLines([line({ usage: { input: 10, output: 5 } }), line({ usage: { input: 5, output: 10 } })]);
    expect(dedupeUsage(usages(tie)).map((u) => u.tokens.output)).toEqual([10]);
  });

  it('dedupes on message.id alone without requestId (Bedrock / proxies)', async () => {
    const events = await readLines([
      line({ messageId: 'msg_bdrk_1', requestId: null }),
      line({ messageId: 'msg_bdrk_1', requestId: null }),
    ]);
    expect(usages(events).map((u) => u.dedupeKey)).toEqual(['msg_bdrk_1', 'msg_bdrk_1']);
  });

  it('flags sidechain replays so the parent copy wins, while distinct sidechain messages count', async () => {
    const events = await readLines([
      line(),
      line({ isSidechain: true, agentId: 'a1', requestId: 'req_B', usage: { input: 3, output: 13, cacheRead: 99999 } }),
      line({
        isSidechain: true,
        agentId: 'a1',
        messageId: 'msg_S',
        requestId: 'req_S',
        usage: { input: 1, output: 1 },
      }),
    ]);
    const all = usages(events);
    expect(all.map((u) => [u.dedupeKey, u.replayKey, u.isReplayCopy])).toEqual([
      ['msg_A:req_A', 'msg_A', false],
      ['msg_A:req_B', 'msg_A', true],
      ['msg_S:req_S', 'msg_S', true],
    ]);
    expect(dedupeUsage(all).map((u) => u.dedupeKey)).toEqual(['msg_A:req_A', 'msg_S:req_S']);
  });

  it('keeps each fork copy under its own sessionId with the same dedupe key', async () => {
    const events = await readLines([line(), line({ sessionId: SID2 })]);
    expect(usages(events).map((u) => [u.sessionExternalId, u.dedupeKey])).toEqual([
      [SID, 'msg_A:req_A'],
      [SID2, 'msg_A:req_A'],
    ]);
    expect(dedupeUsage(usages(events))).toHaveLength(1);
  });

  it('gives no usage for <synthetic> messages or zero-usage API errors, but activity', async () => {
    const events = await readLines([
      line({
        model: '<synthetic>',
        messageId: 'b3f0e1c2-uuid',
        requestId: null,
        usage: { input: 0, output: 0 },
        timestamp: '2026-02-10T21:00:00.000Z',
      }),
      line({
        isApiErrorMessage: true,
        usage: { input: 0, output: 0 },
        model: 'claude-opus-4-6',
        timestamp: '2026-02-10T21:00:05.000Z',
      }),
    ]);
    expect(usages(events)).toEqual([]);
    expect(diagnostics(events)).toEqual([]);
    expect(activities(events)).toMatchObject([
      { firstAt: '2026-02-10T21:00:00.000Z', lastAt: '2026-02-10T21:00:05.000Z' },
    ]);
  });

  it('never reads usage out of progress lines (agent_progress nests subagent messages)', async () => {
    const progress = claudeAgentProgressLine({
      sessionId: SID,
      cwd: CWD,
      timestamp: '2026-02-12T14:12:35.862Z',
      nested: {
        sessionId: SID,
        cwd: CWD,
        timestamp: '2026-02-12T14:12:35.862Z',
        model: 'claude-sonnet-4-5-20250929',
        messageId: 'msg_P',
        requestId: 'req_P',
        usage: { input: 3, output: 3, cacheWrite5m: 13838 },
      },
    });
    const events = await readLines([progress]);
    expect(usages(events)).toEqual([]);
    expect(activities(events)).toMatchObject([{ sessionExternalId: SID, firstAt: '2026-02-12T14:12:35.862Z' }]);
  });

  it('keeps costUSD when it is a finite non-negative number', async () => {
    const events = await readLines([
      line({ messageId: 'm1', costUSD: 0.0123 }),
      line({ messageId: 'm2', costUSD: -1 }),
      line({ messageId: 'm3', rawUsage: undefined }),
    ]);
    expect(usages(events).map((u) => u.recordedCostUsd)).toEqual([0.0123, null, null]);
  });

  it('reports invalid token fields instead of inventing numbers', async () => {
    const bad: unknown[] = [
      { input_tokens: '10', output_tokens: 5 },
      { input_tokens: -1, output_tokens: 5 },
      { input_tokens: 1.5, output_tokens: 5 },
      { input_tokens: 1, output_tokens: null },
      { input_tokens: 1, output_tokens: 2, cache_creation: { ephemeral_5m_input_tokens: 'x' } },
      'not an object',
      {},
    ];
    const events = await readLines(bad.map((rawUsage, i) => line({ messageId: `m${i}`, rawUsage })));
    expect(usages(events)).toEqual([]);
    expect(
      diagnostics(events).map((d) => [d.type === 'diagnostic' && d.code, d.type === 'diagnostic' && d.line]),
    ).toEqual(bad.map((_, i) => ['invalid-record', i + 1]));
  });

  it('falls back to uuid when message.id is missing, else to a key from the line itself', async () => {
    const withUuid = JSON.parse(line({ uuid: 'u-1' })) as { message: Record<string, unknown> };
    delete withUuid.message['id'];
    const noIds = JSON.parse(JSON.stringify(withUuid)) as Record<string, unknown>;
    delete noIds['uuid'];
    const events = await readLines([JSON.stringify(withUuid), JSON.stringify(noIds), JSON.stringify(noIds)]);
    const keys = usages(events).map((u) => u.dedupeKey);
    expect(keys[0]).toBe('uuid:u-1');
    expect(keys[1]).toMatch(/^line:/);
    // An identical copy of an id-less line gets the same key, so it is counted once.
    expect(keys[2]).toBe(keys[1]);
    expect(diagnostics(events)).toEqual([]);
  });

  it('normalises timestamps to ISO UTC and reports invalid ones', async () => {
    const events = await readLines([
      line({ timestamp: '2025-06-01T10:00:00+02:00' }),
      line({ timestamp: '2025-02-31T10:00:00.000Z' }),
      line({ timestamp: 'yesterday' }),
    ]);
    expect(usages(events).map((u) => u.occurredAt)).toEqual(['2025-06-01T08:00:00.000Z']);
    expect(diagnostics(events).map((d) => d.type === 'diagnostic' && d.line)).toEqual([2, 3]);
  });
});

describe('activity', () => {
  it('splits a file holding two sessionIds', async () => {
    const events = await readLines([
      claudeUserLine({ sessionId: SID, cwd: '/p/one', timestamp: '2025-08-01T10:00:00.000Z', text: 'a' }),
      claudeUserLine({ sessionId: SID2, cwd: '/p/two', timestamp: '2025-08-01T11:00:00.000Z', text: 'b' }),
      line({ sessionId: SID, cwd: '/p/one', timestamp: '2025-08-01T10:30:00.000Z' }),
    ]);
    expect(activities(events)).toEqual([
      {
        type: 'activity',
        sessionExternalId: SID,
        firstAt: '2025-08-01T10:00:00.000Z',
        lastAt: '2025-08-01T10:30:00.000Z',
        projectPath: '/p/one',
        parentExternalId: null,
        tokensKnown: true,
        title: null,
      },
      {
        type: 'activity',
        sessionExternalId: SID2,
        firstAt: '2025-08-01T11:00:00.000Z',
        lastAt: '2025-08-01T11:00:00.000Z',
        projectPath: '/p/two',
        parentExternalId: null,
        tokensKnown: true,
        title: null,
      },
    ]);
  });

  it('counts system, queue-operation and untyped lines as activity; summaries give nothing', async () => {
    const events = await readLines([
      claudeSummaryLine('A summary'),
      claudeQueueOperationLine({ sessionId: SID, timestamp: '2025-08-01T09:00:00.000Z' }),
      claudeSystemLine({
        sessionId: SID,
        cwd: CWD,
        timestamp: '2025-08-01T12:00:00.000Z',
        subtype: 'compact_boundary',
      }),
      JSON.stringify({
        sessionId: SID,
        timestamp: '2025-08-01T13:00:00.000Z',
        data: { message: { usage: { input_tokens: 5 } } },
      }),
    ]);
    expect(usages(events)).toEqual([]);
    expect(diagnostics(events)).toEqual([]);
    expect(activities(events)).toMatchObject([
      { firstAt: '2025-08-01T09:00:00.000Z', lastAt: '2025-08-01T13:00:00.000Z', projectPath: CWD },
    ]);
  });

  it('gives nothing at all for a summary-only file', async () => {
    const events = await readLines([claudeSummaryLine('one'), claudeSummaryLine('two')]);
    expect(events.map((e) => e.type)).toEqual(['checkpoint']);
  });

  it('takes the project from the first non-empty cwd, not the lossy dir name', async () => {
    const path = await home.write(
      '-home-dev-a-b-c/x.jsonl',
      jsonl([
        claudeQueueOperationLine({ sessionId: SID, timestamp: '2025-08-01T09:00:00.000Z' }),
        claudeUserLine({ sessionId: SID, cwd: '', timestamp: '2025-08-01T09:00:01.000Z', text: 'x' }),
        claudeUserLine({ sessionId: SID, cwd: '/home/dev/a.b/c', timestamp: '2025-08-01T09:00:02.000Z', text: 'y' }),
        claudeUserLine({ sessionId: SID, cwd: '/home/dev/a-b/c', timestamp: '2025-08-01T09:00:03.000Z', text: 'z' }),
      ]),
    );
    const events = await collectEvents(readTranscript(path, { offset: 0, state: null }));
    expect(activities(events)).toMatchObject([{ projectPath: '/home/dev/a.b/c' }]);
  });

  it('counts an untyped line with top-level message.usage as a reply (hand-trimmed transcripts)', async () => {
    const untyped = JSON.parse(line({ messageId: 'msg_untyped' })) as Record<string, unknown>;
    delete untyped['type'];
    const events = await readLines([JSON.stringify(untyped)]);
    expect(usages(events).map((u) => u.dedupeKey)).toEqual([expect.stringContaining('msg_untyped')]);
  });

  it('gives lines without a sessionId to the session the file is named after', async () => {
    const noSession = JSON.parse(line()) as Record<string, unknown>;
    delete noSession['sessionId'];
    const events = await readLines([
      JSON.stringify(noSession),
      JSON.stringify({ type: 'file-history-snapshot', snapshot: { timestamp: 'x' } }),
    ]);
    expect(diagnostics(events)).toEqual([]);
    // readLines writes `p<n>/s.jsonl`: the file stem names the session.
    expect([...totalsBySession(usages(events)).keys()]).toEqual(['s']);
  });
});
