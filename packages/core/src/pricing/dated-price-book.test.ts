import { describe, expect, it } from 'vitest';
import { computeCostNanos } from '../cost.js';
import { createDatedPriceBook, type DatedPriceRow } from './dated-price-book.js';
import { createModelPrice } from './model-price.js';
import { modelPriceFromOverride } from './price-override.js';
import { planPriceSync } from './price-sync-plan.js';
import { priceUsageRecord, sessionCostBreakdown } from './record-pricing.js';

const p = (input: string, output: string) => createModelPrice({ input, output });
const d = (iso: string) => new Date(iso);
const row = (model: string, from: string, price = p('0.000003', '0.000015'), source = 'bundled'): DatedPriceRow => ({
  model,
  validFrom: d(from),
  price,
  source,
});
const tokens = { input: 1000, output: 100, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 };

describe('DatedPriceBook', () => {
  const rows = [
    row('claude-sonnet-4-5', '1970-01-01T00:00:00Z'),
    row('claude-sonnet-4-5', '2026-03-01T00:00:00Z', p('0.000002', '0.00001'), 'litellm'),
    row('gpt-5', '2026-05-01T00:00:00Z', p('0.00000125', '0.00001'), 'litellm'),
  ];
  const book = createDatedPriceBook(rows);

  it('prices a record at the row valid at its own instant', () => {
    const before = book.lookup('claude-sonnet-4-5-20250929', d('2026-02-28T23:59:59Z'));
    const after = book.lookup('anthropic/claude-sonnet-4.5', d('2026-03-01T00:00:00Z'));
    expect(before).toMatchObject({ key: 'claude-sonnet-4-5', source: 'bundled', validFrom: d('1970-01-01T00:00:00Z') });
    expect(after).toMatchObject({ key: 'claude-sonnet-4-5', source: 'litellm', validFrom: d('2026-03-01T00:00:00Z') });
    expect(
      priceUsageRecord(book, {
        model: 'claude-sonnet-4-5',
        tokens,
        speed: null,
        requestCount: 1,
        occurredAt: d('2026-01-01T00:00:00Z'),
      }),
    ).toEqual({ calculatedCostNanos: 4_500_000n, priced: true });
    expect(
      priceUsageRecord(book, {
        model: 'claude-sonnet-4-5',
        tokens,
        speed: null,
        requestCount: 1,
        occurredAt: d('2026-04-01T00:00:00Z'),
      }),
    ).toEqual({ calculatedCostNanos: 3_000_000n, priced: true });
  });

  it("applies a model's first price before its first row (no silent zero for earlier history)", () => {
    expect(book.lookup('gpt-5', d('2025-01-01T00:00:00Z'))).toMatchObject({
      key: 'gpt-5',
      validFrom: d('2026-05-01T00:00:00Z'),
    });
  });

  it('lets a user override win over dated rows, by the same name rules', () => {
    const withOverride = createDatedPriceBook(
      rows,
      new Map([['claude-sonnet-4-5', modelPriceFromOverride({ input: 1, output: 2 })]]),
    );
    const hit = withOverride.lookup('claude-sonnet-4-5-20250929', d('2026-04-01T00:00:00Z'));
    expect(hit).toMatchObject({ key: 'claude-sonnet-4-5', source: 'user', validFrom: null });
    expect(hit.key !== null && computeCostNanos(tokens, hit.price, { speed: null })).toBe(1_200_000n);
  });

  it('reports unknown and ambiguous names instead of guessing', () => {
    const amb = createDatedPriceBook([
      row('foo-20250101', '1970-01-01T00:00:00Z'),
      row('foo-20250202', '1970-01-01T00:00:00Z'),
    ]);
    expect(amb.lookup('foo', d('2026-01-01T00:00:00Z'))).toEqual({
      key: null,
      reason: 'ambiguous',
      candidates: ['foo-20250101', 'foo-20250202'],
    });
    expect(book.lookup('mystery-9', d('2026-01-01T00:00:00Z'))).toMatchObject({ key: null, reason: 'unknown' });
    expect(
      priceUsageRecord(book, {
        model: 'mystery-9',
        tokens,
        speed: null,
        requestCount: 1,
        occurredAt: d('2026-01-01T00:00:00Z'),
      }),
    ).toEqual({ calculatedCostNanos: 0n, priced: false });
  });

  it('splits a session by model × price row, summing exactly to the records', () => {
    const records = [
      { model: 'claude-sonnet-4-5', tokens, speed: null, requestCount: 1, occurredAt: d('2026-01-01T00:00:00Z') },
      { model: 'claude-sonnet-4-5', tokens, speed: null, requestCount: 1, occurredAt: d('2026-04-01T00:00:00Z') },
      { model: 'mystery-9', tokens, speed: null, requestCount: 1, occurredAt: d('2026-04-01T00:00:00Z') },
    ] as const;
    const lines = sessionCostBreakdown(book, records);
    expect(lines.map((l) => [l.model, l.priceSource, l.costNanos, l.unpricedReason])).toEqual([
      ['claude-sonnet-4-5', 'bundled', 4_500_000n, null],
      ['claude-sonnet-4-5', 'litellm', 3_000_000n, null],
      ['mystery-9', null, 0n, 'unknown'],
    ]);
    expect(lines[0]!.classPicos.input).toBe(3_000_000_000n);
    expect(lines[2]!.tokens.input).toBe(1000);
  });
});

describe('aggregates in a cost breakdown', () => {
  const tiered = createModelPrice({
    input: '0.000003',
    output: '0.000015',
    inputAbove200k: '0.000006',
    outputAbove200k: '0.0000225',
  });
  const book = createDatedPriceBook([row('claude-sonnet-4-5', '1970-01-01T00:00:00Z', tiered)]);
  const big = { ...tokens, input: 250_000 };
  const at = d('2026-01-01T00:00:00Z');

  it('counts long-context requests among single requests only and names the summed records', () => {
    const lines = sessionCostBreakdown(book, [
      { model: 'claude-sonnet-4-5', tokens: big, speed: null, requestCount: 1, occurredAt: at },
      { model: 'claude-sonnet-4-5', tokens: big, speed: null, requestCount: 12, occurredAt: at },
      { model: 'claude-sonnet-4-5', tokens: big, speed: null, requestCount: null, occurredAt: at },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestCount: 3, longContextRequests: 1, aggregateRecords: 2 });
    // 250 000×6e-6 + 100×2.25e-5 = 1.50225 once; 250 000×3e-6 + 100×1.5e-5 = 0.7515 twice.
    expect(lines[0]!.costNanos).toBe(1_502_250_000n + 2n * 751_500_000n);
    expect(
      priceUsageRecord(book, {
        model: 'claude-sonnet-4-5',
        tokens: big,
        speed: null,
        requestCount: null,
        occurredAt: at,
      }),
    ).toEqual({ calculatedCostNanos: 751_500_000n, priced: true });
  });
});

describe('planPriceSync', () => {
  const existing = [row('a', '1970-01-01T00:00:00Z'), row('b', '1970-01-01T00:00:00Z')];

  it('writes only new and changed prices, at the effective date; absent models are untouched', () => {
    const incoming = new Map([
      ['a', p('0.000003', '0.000015')],
      ['b', p('0.000001', '0.000015')],
      ['c', p('0.000001', '0.000002')],
    ]);
    const plan = planPriceSync(existing, incoming, d('2026-06-01T00:00:00Z'), 'litellm');
    expect(plan.write.map((r) => [r.model, r.validFrom.toISOString(), r.source])).toEqual([
      ['b', '2026-06-01T00:00:00.000Z', 'litellm'],
      ['c', '2026-06-01T00:00:00.000Z', 'litellm'],
    ]);
    expect(plan).toMatchObject({ unchanged: 1, added: ['c'], changed: ['b'] });
  });

  it('a second sync at the same date with another price rewrites that row (later wins)', () => {
    const first = row('a', '2026-06-01T00:00:00Z', p('0.000009', '0.000015'), 'litellm');
    const plan = planPriceSync(
      [...existing, first],
      new Map([['a', p('0.000008', '0.000015')]]),
      d('2026-06-01T00:00:00Z'),
      'litellm',
    );
    expect(plan.write).toHaveLength(1);
    expect(plan.write[0]!.price.input).toBe(8_000_000n);
  });
});

describe('price overrides', () => {
  it('read USD per million tokens exactly, with the default cache classes', () => {
    const price = modelPriceFromOverride({ input: 3, output: '15', cacheRead: 0.3 });
    expect(price).toMatchObject({
      input: 3_000_000n,
      output: 15_000_000n,
      cacheRead: 300_000n,
      cacheWrite5m: 3_750_000n,
      cacheWrite1h: 6_000_000n,
    });
  });
});
