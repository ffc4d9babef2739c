import type { AdapterDiagnostic, UsageEvent } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { interpretUpdate } from './interpret-update.js';

function run(value: unknown, line = 7, fallbackModel: string | null = 'grok-4.5') {
  const usage: UsageEvent[] = [];
  const diagnostics: AdapterDiagnostic[] = [];
  const times: string[] = [];
  interpretUpdate(
    value,
    line,
    { sessionId: 'S', fallbackModel },
    { at: (i) => times.push(i.iso), usage: (e) => usage.push(e), diagnostic: (d) => diagnostics.push(d) },
  );
  return { usage, diagnostics, times };
}

// The shape of a real turn (codeburn issue #998): input includes the cached reads, and
// totalTokens = inputTokens + outputTokens, so reasoning sits inside output.
const realTurn = {
  timestamp: 1786724773,
  method: '_x.ai/session/update',
  params: {
    sessionId: 'S',
    update: {
      sessionUpdate: 'turn_completed',
      prompt_id: 'p-1',
      stop_reason: 'cancelled',
      usage: {
        inputTokens: 12851663,
        outputTokens: 36633,
        totalTokens: 12888296,
        cachedReadTokens: 12092032,
        cacheCreationTokens: 0,
        reasoningTokens: 29077,
        costUsdTicks: 125117780000,
        modelUsage: {
          'grok-4.6-build': {
            inputTokens: 12851663,
            outputTokens: 36633,
            cachedReadTokens: 12092032,
            cacheCreationTokens: 0,
            reasoningTokens: 29077,
            costUsdTicks: 125117780000,
          },
        },
      },
    },
    _meta: { eventId: 'ev-1', agentTimestampMs: 1786724773589 },
  },
};

describe('interpretUpdate', () => {
  it('turns a turn_completed usage into design §3 classes with the recorded cost', () => {
    const { usage, times } = run(realTurn);
    expect(times).toEqual([new Date(1786724773589).toISOString()]);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({
      dedupeKey: 'p-1:grok-4.6-build',
      rank: 7,
      model: 'grok-4.6-build',
      occurredAt: new Date(1786724773589).toISOString(),
      tokens: { input: 759631, output: 36633, cacheRead: 12092032, cacheWrite5m: 0, reasoning: 29077 },
    });
    expect(usage[0]?.recordedCostUsd).toBeCloseTo(12.511778, 9);
    // A turn of 12.8M input tokens is many model calls: without `modelCalls`, an unknown number.
    expect(usage[0]?.requestCount).toBeNull();
  });

  it("marks a turn as the sum of its model calls: per model, else the turn's count when it used one model", () => {
    const counted = structuredClone(realTurn) as { params: { update: { usage: Record<string, unknown> } } };
    counted.params.update.usage['modelCalls'] = 41;
    expect(run(counted).usage.map((e) => e.requestCount)).toEqual([41]);
    const two = structuredClone(counted);
    two.params.update.usage['modelUsage'] = {
      'grok-a': { inputTokens: 20, outputTokens: 3, modelCalls: 1 },
      'grok-b': { inputTokens: 10, outputTokens: 2 },
    };
    expect(run(two).usage.map((e) => [e.model, e.requestCount])).toEqual([
      ['grok-a', 1],
      ['grok-b', null],
    ]);
    const bare = {
      timestamp: 1700000000,
      params: {
        update: { sessionUpdate: 'turn_completed', usage: { inputTokens: 8, outputTokens: 3, modelCalls: 2 } },
      },
    };
    expect(run(bare).usage[0]?.requestCount).toBe(2);
  });

  it('gives one event per model, and uses the summary model for a usage without modelUsage', () => {
    const two = structuredClone(realTurn) as { params: { update: { usage: { modelUsage: Record<string, unknown> } } } };
    two.params.update.usage.modelUsage = {
      'grok-b': {
        inputTokens: 10,
        outputTokens: 2,
        cachedReadTokens: 0,
        cacheCreationTokens: 0,
        reasoningTokens: 0,
        costUsdTicks: 0,
      },
      'grok-a': {
        inputTokens: 20,
        outputTokens: 3,
        cachedReadTokens: 5,
        cacheCreationTokens: 0,
        reasoningTokens: 9,
        costUsdTicks: 0,
      },
    };
    expect(run(two).usage.map((e) => [e.model, e.tokens.input, e.tokens.reasoning])).toEqual([
      ['grok-a', 15, 3],
      ['grok-b', 10, 0],
    ]);
    const bare = {
      timestamp: 1700000000,
      params: {
        update: { sessionUpdate: 'turn_completed', usage: { inputTokens: 8, outputTokens: 3, cachedReadTokens: 13 } },
      },
    };
    const got = run(bare, 3).usage[0];
    expect(got).toMatchObject({
      model: 'grok-4.5',
      dedupeKey: 'S:line-3:grok-4.5',
      occurredAt: '2023-11-14T22:13:20.000Z',
      tokens: { input: 0, cacheRead: 13, output: 3 },
    });
    expect(got?.recordedCostUsd).toBeNull();
  });

  it('keys a turn by prompt_id so a replayed copy is the same request (the later line wins by rank)', () => {
    const a = run(realTurn, 10).usage[0];
    const b = run(
      { ...realTurn, params: { ...realTurn.params, _meta: { eventId: 'ev-2', agentTimestampMs: 1786724780000 } } },
      12,
    ).usage[0];
    expect(a?.dedupeKey).toBe(b?.dedupeKey);
    expect((b?.rank ?? 0) > (a?.rank ?? 0)).toBe(true);
  });

  it('treats other update kinds as activity only and reports lines of another shape', () => {
    const chunk = run({
      timestamp: 1700000010,
      params: { update: { sessionUpdate: 'agent_message_chunk', content: {} } },
    });
    expect(chunk.usage).toEqual([]);
    expect(chunk.times).toEqual(['2023-11-14T22:13:30.000Z']);
    expect(run({ jsonrpc: '2.0', id: 1, result: {} }).diagnostics).toHaveLength(1);
    expect(
      run({ params: { update: { sessionUpdate: 'turn_completed', usage: { inputTokens: -3 } } } }).diagnostics,
    ).toHaveLength(1);
    expect(
      run({ params: { update: { sessionUpdate: 'turn_completed', usage: { inputTokens: 0, outputTokens: 0 } } } }),
    ).toMatchObject({ usage: [], diagnostics: [] });
  });
});
