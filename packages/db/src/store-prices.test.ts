import { createDatedPriceBook, createModelPrice, priceUsageRecord, type DatedPriceRow } from '@rimuru/core';
import { expect, it } from 'vitest';
import { describeBackends } from './__test__/backends.js';
import { at, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';

const EPOCH = new Date('1970-01-01T00:00:00.000Z');
const sonnet = (input: string, output: string, fast: number | null = null) =>
  createModelPrice({ input, output, fastMultiplier: fast });

describeBackends('dated prices and repricing on $name', (backend) => {
  const h = useTestStore(backend);

  it('round-trips dated rows exactly; replace rewrites a row at the same start, keep leaves it', async () => {
    const rows: DatedPriceRow[] = [
      { model: 'claude-sonnet-4', validFrom: EPOCH, price: sonnet('0.000003', '0.000015', 6), source: 'bundled' },
      {
        model: 'claude-sonnet-4',
        validFrom: new Date(at(60)),
        price: sonnet('0.000002', '0.00001'),
        source: 'litellm',
      },
    ];
    expect(await h.store.prices.write(rows, 'keep')).toBe(2);
    await h.store.prices.write([{ ...rows[0]!, price: sonnet('0.000009', '0.000015') }], 'keep');
    let stored = await h.store.prices.list();
    // Rows written without a source date are dated by the write (the store's clock).
    expect(stored).toEqual(rows.map((r) => ({ ...r, sourceDate: h.clock.now })));
    const dated = { ...rows[0]!, model: 'gpt-5', sourceDate: new Date('2026-07-24T00:00:00.000Z') };
    await h.store.prices.write([dated], 'keep');
    expect((await h.store.prices.list()).find((r) => r.model === 'gpt-5')).toEqual(dated);
    await h.store.prices.write([{ ...rows[1]!, price: sonnet('0.000001', '0.00001') }], 'replace');
    stored = await h.store.prices.list();
    expect(stored[1]!.price.input).toBe(1_000_000n);
    expect(stored.filter((r) => r.model === 'claude-sonnet-4')).toHaveLength(2);
  });

  it('reprices records at the price valid at their own time and rolls sessions up exactly', async () => {
    await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 'k1', occurredAt: at(0), tokens: tokens({ input: 1000, output: 100 }) }),
          usage({ dedupeKey: 'k2', occurredAt: at(120), tokens: tokens({ input: 2000, output: 10 }) }),
          usage(
            { dedupeKey: 'k3', occurredAt: at(130), model: 'mystery-9', tokens: tokens({ input: 7 }) },
            { priced: false, calculatedCostNanos: 0n },
          ),
        ],
      }),
    );
    const book = createDatedPriceBook([
      { model: 'claude-sonnet-4', validFrom: EPOCH, price: sonnet('0.000003', '0.000015'), source: 'bundled' },
      {
        model: 'claude-sonnet-4',
        validFrom: new Date(at(60)),
        price: sonnet('0.000001', '0.000005'),
        source: 'litellm',
      },
    ]);
    const result = await h.store.usage.reprice((r) => priceUsageRecord(book, r));
    expect(result).toMatchObject({ recordsExamined: 3, recordsRepriced: 2, sessionsUpdated: 1 });
    const records = await h.store.usage.ofSession((await h.store.sessions.list({}))[0]!.id);
    expect(records.map((r) => [r.model, r.calculatedCostNanos, r.priced])).toEqual([
      ['claude-sonnet-4', 4_500_000n, true], // 1000 × 3 µ$ + 100 × 15 µ$
      ['claude-sonnet-4', 2_050_000n, true], // 2000 × 1 µ$ + 10 × 5 µ$
      ['mystery-9', 0n, false],
    ]);
    const [session] = await h.store.sessions.list({});
    expect(session!.calculatedCostNanos).toBe(6_550_000n);
    expect(session!.unpricedRequestCount).toBe(1);
    // A second pass changes nothing.
    expect(await h.store.usage.reprice((r) => priceUsageRecord(book, r))).toMatchObject({ recordsRepriced: 0 });

    const byModel = await h.store.usage.breakdown({ groupBy: 'model' });
    expect(
      byModel.map((g) => [g.group, g.requestCount, g.tokens.input, g.calculatedCostNanos, g.unpricedRequestCount]),
    ).toEqual([
      ['claude-sonnet-4', 2, 3000, 6_550_000n, 0],
      ['mystery-9', 1, 7, 0n, 1],
    ]);
    const byAgent = await h.store.usage.breakdown({
      groupBy: 'agentType',
      from: new Date(at(60)),
      agentNames: ['claude-code-default'],
    });
    expect(byAgent.map((g) => [g.group, g.requestCount, g.calculatedCostNanos])).toEqual([
      ['claude-code', 2, 2_050_000n],
    ]);
    expect(await h.store.usage.breakdown({ groupBy: 'agentType', agentNames: ['nobody'] })).toEqual([]);
  });
});
