import type { UsageEvent } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { CLINE_FLAVOR } from './cline-flavor.js';
import type { ClineFamilyFlavor } from './flavor.js';
import { interpretUiMessages, NO_TASK_FACTS, type TaskFacts } from './interpret-ui-messages.js';

const ROO: ClineFamilyFlavor = {
  ...CLINE_FLAVOR,
  id: 'roo-code',
  inputRule: { kind: 'roo', inclusiveSinceMs: 0 },
  modelSource: 'environment-details',
};
const T0 = Date.UTC(2025, 6, 1, 12);

function req(ts: number, body: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { ts, type: 'say', say: 'api_req_started', text: JSON.stringify(body), ...extra };
}
const counts = (tokensIn: number, tokensOut = 10, cacheReads = 0, cacheWrites = 0) => ({
  tokensIn,
  tokensOut,
  cacheReads,
  cacheWrites,
  cost: 0.01,
});

function usageOf(messages: unknown[], flavor = CLINE_FLAVOR, facts: TaskFacts = NO_TASK_FACTS): UsageEvent[] {
  return interpretUiMessages(messages, '1751371200000', flavor, facts).usage;
}

describe('interpreting ui_messages.json', () => {
  it('emits one event per request with counts, keyed by task and message time', () => {
    const usage = usageOf([
      { ts: T0, type: 'say', say: 'task', text: 'hi' },
      req(T0 + 1, counts(100, 20, 300, 40)),
      req(T0 + 2, { request: 'pending' }),
    ]);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({
      dedupeKey: '1751371200000:' + (T0 + 1),
      rank: 460,
      occurredAt: new Date(T0 + 1).toISOString(),
      tokens: { input: 100, output: 20, cacheRead: 300, cacheWrite5m: 40, cacheWrite1h: 0, reasoning: 0 },
      recordedCostUsd: 0.01,
      line: 2,
    });
  });

  it('counts cancelled requests that used tokens and deleted or subagent aggregates, skips empty failures and partial rows', () => {
    const usage = usageOf([
      req(T0, { ...counts(50), cancelReason: 'user_cancelled' }),
      req(T0 + 1, {
        tokensIn: 0,
        tokensOut: 0,
        cacheReads: 0,
        cacheWrites: 0,
        cost: 0,
        cancelReason: 'streaming_failed',
      }),
      { ts: T0 + 2, type: 'say', say: 'deleted_api_reqs', text: JSON.stringify(counts(70)) },
      { ts: T0 + 3, type: 'say', say: 'subagent_usage', text: JSON.stringify({ source: 'subagents', ...counts(90) }) },
      req(T0 + 4, counts(999), { partial: true }),
    ]);
    expect(usage.map((u) => u.tokens.input)).toEqual([50, 70, 90]);
    expect(usage.map((u) => u.dedupeKey)).toEqual([
      `1751371200000:${T0}`,
      `1751371200000:deleted_api_reqs:${T0 + 2}`,
      `1751371200000:subagent_usage:${T0 + 3}`,
    ]);
    // One request, then two sums of several: those are never priced at a per-request tier.
    expect(usage.map((u) => u.requestCount)).toEqual([undefined, null, null]);
  });

  it('takes Cline’s model from the message, else the latest model_usage entry at or before the request, else the history item', () => {
    const facts: TaskFacts = {
      ...NO_TASK_FACTS,
      modelUsage: [
        { ts: T0, modelId: 'claude-sonnet-4', providerId: 'anthropic' },
        { ts: T0 + 100, modelId: 'gpt-4.1', providerId: 'openai' },
      ],
      historyItem: { cwd: null, modelId: 'fallback-model', task: null, parentTaskId: null },
    };
    const usage = usageOf(
      [
        req(T0 - 50, counts(1)),
        req(T0 + 50, counts(1000, 1, 800)),
        req(T0 + 150, counts(1000, 1, 800)),
        req(T0 + 200, counts(1000, 1, 800), {
          modelInfo: { modelId: 'own-model', providerId: 'anthropic', mode: 'act' },
        }),
      ],
      CLINE_FLAVOR,
      facts,
    );
    expect(usage.map((u) => u.model)).toEqual(['fallback-model', 'claude-sonnet-4', 'gpt-4.1', 'own-model']);
    // The provider decides how tokensIn reads: openai includes the cache, anthropic does not.
    expect(usage.map((u) => u.tokens.input)).toEqual([1, 1000, 200, 1000]);
  });

  it('takes Roo’s model from the last <model> tag stamped before the next request', () => {
    const facts: TaskFacts = {
      ...NO_TASK_FACTS,
      mentions: [
        { ts: T0 + 5, model: 'claude-sonnet-4' },
        { ts: T0 + 105, model: 'gpt-5' },
      ],
    };
    const usage = usageOf(
      [req(T0, counts(1)), req(T0 + 100, counts(1)), req(T0 + 200, { apiProtocol: 'openai' })],
      ROO,
      facts,
    );
    expect(usage.map((u) => u.model)).toEqual(['claude-sonnet-4', 'gpt-5']);
  });

  it('reports records of unknown shape and keeps going', () => {
    const result = interpretUiMessages(
      [
        42,
        { ts: T0, type: 'shout' },
        { type: 'say', say: 'text' },
        req(T0 + 1, counts(5)),
        { ts: T0 + 2, type: 'say', say: 'api_req_started', text: '{oops' },
      ],
      'task',
      CLINE_FLAVOR,
      NO_TASK_FACTS,
    );
    expect(result.diagnostics.map((d) => [d.line, d.code])).toEqual([
      [1, 'invalid-record'],
      [2, 'invalid-record'],
      [3, 'invalid-record'],
      [5, 'invalid-json'],
    ]);
    expect(result.usage).toHaveLength(1);
    expect(result.firstAt?.ms).toBe(T0 + 1);
    expect(result.lastAt?.ms).toBe(T0 + 2);
  });

  it('keeps the key of a request stable while its record is rewritten with more counts', () => {
    const early = usageOf([req(T0, counts(100, 5))])[0];
    const final = usageOf([req(T0, counts(100, 500))])[0];
    expect(final?.dedupeKey).toBe(early?.dedupeKey);
    expect(final!.rank).toBeGreaterThan(early!.rank);
  });
});
