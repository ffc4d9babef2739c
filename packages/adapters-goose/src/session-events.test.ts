import { ZERO_TOKENS } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { gooseInstant } from './goose-time.js';
import { gooseTokens, remainder } from './goose-tokens.js';
import { sessionEvents, type GooseSession } from './session-events.js';

const session = (over: Partial<GooseSession>): GooseSession => ({
  id: 's1',
  projectPath: '/w/app',
  title: 'T',
  parentId: null,
  model: 'claude-sonnet-4-5',
  times: [gooseInstant('2025-11-01 08:00:00')],
  updatedAt: gooseInstant('2025-11-01 09:00:00'),
  cumulative: null,
  cumulativeCostUsd: null,
  ledger: [],
  fromDatabase: true,
  ...over,
});

describe('Goose token rules', () => {
  it('subtracts cache reads and writes from the whole-prompt input', () => {
    expect(gooseTokens({ input: 140, output: 25, cacheRead: 30, cacheWrite: 10 })).toEqual({
      ...ZERO_TOKENS,
      input: 100,
      output: 25,
      cacheRead: 30,
      cacheWrite5m: 10,
    });
    // Cache larger than input: the provider reported input apart already.
    expect(gooseTokens({ input: 7, output: 1, cacheRead: 500, cacheWrite: 0 }).input).toBe(7);
  });

  it('reads Goose times: SQLite UTC text, RFC 3339, epoch seconds and milliseconds', () => {
    expect(gooseInstant('2023-11-14 22:13:00')?.iso).toBe('2023-11-14T22:13:00.000Z');
    expect(gooseInstant('2025-10-01T12:00:00.123456789+02:00')?.iso).toBe('2025-10-01T10:00:00.123Z');
    expect(gooseInstant(1_700_000_000)?.iso).toBe('2023-11-14T22:13:20.000Z');
    expect(gooseInstant(1_700_000_000_000)?.iso).toBe('2023-11-14T22:13:20.000Z');
    expect(gooseInstant('yesterday')).toBeNull();
  });

  it('remainder never goes below zero', () => {
    expect(remainder({ ...ZERO_TOKENS, input: 5, output: 1 }, { ...ZERO_TOKENS, input: 9 })).toEqual({
      ...ZERO_TOKENS,
      output: 1,
    });
  });
});

describe('sessionEvents', () => {
  it('emits one event per ledger row and nothing more when the counters equal the ledger', () => {
    const row = {
      rowId: '1',
      at: gooseInstant(1_700_000_010),
      model: null,
      tokens: gooseTokens({ input: 140, output: 20, cacheRead: 30, cacheWrite: 10 }),
      costUsd: 0.0125,
    };
    const { usages, activity } = sessionEvents(
      session({ ledger: [row], cumulative: row.tokens, cumulativeCostUsd: 0.0125 }),
    );
    expect(usages).toHaveLength(1);
    expect(usages[0]).toMatchObject({
      dedupeKey: 's1:ledger:1',
      model: 'claude-sonnet-4-5',
      recordedCostUsd: 0.0125,
      occurredAt: '2023-11-14T22:13:30.000Z',
    });
    expect(activity).toMatchObject({
      firstAt: '2023-11-14T22:13:30.000Z',
      lastAt: '2025-11-01T09:00:00.000Z',
      projectPath: '/w/app',
      tokensKnown: true,
      models: ['claude-sonnet-4-5'],
    });
  });

  it('counts cumulative counters beyond the ledger once, ranked so grown counters replace the stored copy', () => {
    const ledger = [
      { rowId: '7', at: null, model: 'm', tokens: { ...ZERO_TOKENS, input: 10, output: 2 }, costUsd: null },
    ];
    const small = sessionEvents(session({ ledger, cumulative: { ...ZERO_TOKENS, input: 50, output: 12 } })).usages;
    const grown = sessionEvents(session({ ledger, cumulative: { ...ZERO_TOKENS, input: 80, output: 20 } })).usages;
    const rest = (u: typeof small) => u.find((e) => e.dedupeKey === 's1:session');
    expect(rest(small)?.tokens).toMatchObject({ input: 40, output: 10 });
    expect(rest(grown)?.tokens).toMatchObject({ input: 70, output: 18 });
    expect(rest(grown)!.rank).toBeGreaterThan(rest(small)!.rank);
    // The counters' remainder sums an unknown number of requests; a ledger row is one request.
    expect(rest(small)?.requestCount).toBeNull();
    expect(small[0]).not.toHaveProperty('requestCount');
    // A ledger row without its own time takes the session's update time.
    expect(small[0]?.occurredAt).toBe('2025-11-01T09:00:00.000Z');
    // A legacy copy of the same counters loses to the database's at equal totals.
    const legacy = rest(
      sessionEvents(session({ ledger, cumulative: { ...ZERO_TOKENS, input: 50, output: 12 }, fromDatabase: false }))
        .usages,
    );
    expect(legacy!.rank).toBeLessThan(rest(small)!.rank);
  });

  it('keeps tokens unknown for a session without counters or ledger rows', () => {
    const { usages, activity } = sessionEvents(session({}));
    expect(usages).toEqual([]);
    expect(activity?.tokensKnown).toBe(false);
  });
});
