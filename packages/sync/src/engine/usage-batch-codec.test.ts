import fc from 'fast-check';
import type { UsageEvent } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { decodeUsageBatch, encodeUsageBatch } from './usage-batch-codec.js';

function usage(overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    type: 'usage',
    sessionExternalId: 's-1',
    dedupeKey: 'msg_1:req_1',
    rank: 12_000_000_123,
    replayKey: 'msg_1',
    isReplayCopy: false,
    occurredAt: '2026-01-05T23:02:13.844Z',
    model: 'claude-sonnet-4-5-20250929',
    tokens: { input: 3, output: 123, cacheRead: 40_000, cacheWrite5m: 1200, cacheWrite1h: 0, reasoning: 0 },
    recordedCostUsd: null,
    speed: null,
    line: 7,
    ...overrides,
  };
}

const count = fc.oneof(fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.double());
const text = fc.string({ unit: 'binary', maxLength: 40 });
const usageEvent: fc.Arbitrary<UsageEvent> = fc.record(
  {
    type: fc.constant('usage' as const),
    sessionExternalId: fc.constantFrom('a', 'b', 'c', '\ud800lone surrogate'),
    dedupeKey: text,
    rank: count,
    replayKey: fc.option(text, { nil: null }),
    isReplayCopy: fc.boolean(),
    occurredAt: text,
    model: fc.option(fc.constantFrom('gpt-5', 'claude-opus-4-6', ''), { nil: null }),
    tokens: fc.record({
      input: count,
      output: count,
      cacheRead: count,
      cacheWrite5m: count,
      cacheWrite1h: count,
      reasoning: count,
    }),
    recordedCostUsd: fc.option(fc.double(), { nil: null }),
    speed: fc.constantFrom('standard' as const, 'fast' as const, null),
    line: fc.option(fc.oneof(fc.nat(), fc.constant(-1)), { nil: null }),
    // Optional, after `line` in this order: most adapters leave them out, aggregate sources and Copilot write them.
    requestCount: fc.option(count, { nil: null }),
    premiumRequests: fc.option(fc.double(), { nil: null }),
    nanoAiu: fc.option(count, { nil: null }),
  },
  {
    requiredKeys: [
      'type',
      'sessionExternalId',
      'dedupeKey',
      'rank',
      'replayKey',
      'isReplayCopy',
      'occurredAt',
      'model',
      'tokens',
      'recordedCostUsd',
      'speed',
      'line',
    ],
  },
);

/** What the main thread gets: the columns after a structured clone, as postMessage makes. */
const roundTrip = (events: UsageEvent[]) => {
  const columns = encodeUsageBatch(events);
  return columns === null ? null : decodeUsageBatch(structuredClone(columns));
};

describe('usage batch codec', () => {
  it('gives back every event exactly, key order, negative zero and NaN included', () => {
    fc.assert(
      fc.property(fc.array(usageEvent, { maxLength: 30 }), (events) => {
        const decoded = roundTrip(events);
        expect(decoded).not.toBeNull();
        // Object.is-based, so -0 and NaN must come back as themselves (prototypes aside: a
        // structured clone makes every object plain, and so does the decoder).
        expect(decoded).toEqual(events);
        decoded!.forEach((e, i) => {
          expect(Object.is(e.rank, events[i]!.rank) && Object.is(e.recordedCostUsd, events[i]!.recordedCostUsd)).toBe(
            true,
          );
          expect(Object.values(e.tokens).every((v, k) => Object.is(v, Object.values(events[i]!.tokens)[k]))).toBe(true);
        });
        expect(decoded!.map((e) => Object.keys(e))).toEqual(events.map((e) => Object.keys(e)));
        expect(decoded!.map((e) => Object.keys(e.tokens))).toEqual(events.map((e) => Object.keys(e.tokens)));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['an extra key', { ...usage(), extra: 1 } as UsageEvent],
    ['keys in another order', (({ line, ...rest }) => ({ line, ...rest }))(usage())],
    [
      'token keys in another order',
      usage({ tokens: { output: 1, input: 2, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 } }),
    ],
    ['a count that is not a number', usage({ rank: '5' as unknown as number })],
    ['an unknown speed', usage({ speed: 'turbo' as UsageEvent['speed'] })],
    ['a missing field', (({ model: _model, ...rest }) => rest)(usage()) as UsageEvent],
    ['a request count that is not a number', usage({ requestCount: '3' as unknown as number })],
    ['a request count present but undefined', usage({ requestCount: undefined })],
    [
      'a request count before the line',
      (({ line, ...rest }) => ({ ...rest, requestCount: 2, line }))(usage()) as UsageEvent,
    ],
    ['optional fields in another order', { ...usage(), nanoAiu: 5, premiumRequests: 1 }],
    ['an unknown key after the optional ones', { ...usage(), requestCount: 2, extra: 1 } as UsageEvent],
    ['another prototype', Object.assign(Object.create({ inherited: true }) as object, usage())],
  ])('refuses a batch holding an event with %s, so it is sent as it is', (_name, odd) => {
    expect(encodeUsageBatch([usage(), odd])).toBeNull();
  });

  it('encodes an empty batch', () => {
    expect(roundTrip([])).toEqual([]);
  });
});
