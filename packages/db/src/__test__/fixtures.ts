import type { SessionActivity, TokenCounts, UsageEvent } from '@rimuru/core';
import type { IngestBatch, PricedUsage } from '../store.js';

export const T0 = Date.parse('2025-03-01T10:00:00.000Z');

/** ISO instant `minutes` after T0 (with milliseconds, to catch precision loss). */
export function at(minutes: number, ms = 0): string {
  return new Date(T0 + minutes * 60_000 + ms).toISOString();
}

export function tokens(partial: Partial<TokenCounts> = {}): TokenCounts {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0, ...partial };
}

export function usage(
  partial: Partial<UsageEvent> & { dedupeKey: string },
  cost: Partial<Omit<PricedUsage, 'event'>> = {},
): PricedUsage {
  return {
    event: {
      type: 'usage',
      sessionExternalId: 'sess-a',
      rank: 1,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: at(0),
      model: 'claude-sonnet-4',
      tokens: tokens({ input: 10, output: 5 }),
      recordedCostUsd: null,
      speed: null,
      line: 1,
      ...partial,
    },
    calculatedCostNanos: 1_000n,
    recordedCostNanos: null,
    priced: true,
    ...cost,
  };
}

export function activity(partial: Partial<SessionActivity> & { sessionExternalId: string }): SessionActivity {
  return {
    type: 'activity',
    firstAt: at(0),
    lastAt: at(1),
    projectPath: null,
    parentExternalId: null,
    tokensKnown: true,
    title: null,
    ...partial,
  };
}

export function batch(partial: Partial<IngestBatch> = {}): IngestBatch {
  const agentType = partial.agentType ?? 'claude-code';
  return {
    agentType,
    agentName: `${agentType}-default`,
    host: 'host-1',
    checkpoint: {
      agentType,
      path: '/logs/a.jsonl',
      device: '2049',
      inode: '1234',
      size: 100,
      mtimeMs: 1_740_000_000_000.5,
      headHash: 'abc',
      headLength: 64,
      offset: 100,
      state: null,
      diagnosticCount: 0,
    },
    usage: [],
    activity: [],
    diagnosticCount: 0,
    ...partial,
  };
}
