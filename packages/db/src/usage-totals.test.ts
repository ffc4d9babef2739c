import { expect, it } from 'vitest';
import { describeBackends } from './__test__/backends.js';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import type { PricedUsage, UsageTotals } from './store.js';

/** A record as ingested, with the agent type of its batch. */
type TypedUsage = PricedUsage & { agentType: string };

/** Brute force: the totals of the records whose instant lies in [from, to). */
function expectedTotals(records: readonly TypedUsage[], from?: Date, to?: Date, agentType?: string): UsageTotals {
  const inRange = records.filter((r) => {
    const t = Date.parse(r.event.occurredAt);
    return (
      (from === undefined || t >= from.getTime()) &&
      (to === undefined || t < to.getTime()) &&
      (agentType === undefined || r.agentType === agentType)
    );
  });
  const sum = (pick: (r: TypedUsage) => number) => inRange.reduce((n, r) => n + pick(r), 0);
  const recorded = inRange.filter((r) => r.recordedCostNanos !== null);
  return {
    tokens: {
      input: sum((r) => r.event.tokens.input),
      output: sum((r) => r.event.tokens.output),
      cacheRead: sum((r) => r.event.tokens.cacheRead),
      cacheWrite5m: sum((r) => r.event.tokens.cacheWrite5m),
      cacheWrite1h: sum((r) => r.event.tokens.cacheWrite1h),
      reasoning: sum((r) => r.event.tokens.reasoning),
    },
    requestCount: inRange.length,
    unpricedRequestCount: inRange.filter((r) => !r.priced).length,
    calculatedCostNanos: inRange.reduce((n, r) => n + r.calculatedCostNanos, 0n),
    autoCostNanos: inRange.reduce((n, r) => n + (r.recordedCostNanos ?? r.calculatedCostNanos), 0n),
    recordedCostNanos: recorded.length === 0 ? null : recorded.reduce((n, r) => n + (r.recordedCostNanos ?? 0n), 0n),
  };
}

describeBackends('usage totals on $name', (backend) => {
  const h = useTestStore(backend);

  it('equal the sum of the records in any range, for sessions inside, across an edge, or outside it', async () => {
    const records: (PricedUsage & { agentType: string })[] = [];
    // Six sessions, each with records spread over 0–40 minutes after its own start, so every
    // range below cuts some sessions, contains some and misses others.
    for (let s = 0; s < 6; s++) {
      const agentType = s % 2 === 0 ? 'claude-code' : 'codex';
      const rows: PricedUsage[] = [];
      for (let i = 0; i < 5; i++) {
        const minute = s * 20 + i * 10;
        rows.push(
          usage(
            {
              dedupeKey: `s${s}-r${i}`,
              sessionExternalId: `sess-${s}`,
              occurredAt: at(minute, 123),
              tokens: tokens({
                input: 100 + s * 10 + i,
                output: 7 * i,
                cacheRead: 1000 * s,
                cacheWrite5m: i,
                cacheWrite1h: s,
                reasoning: i % 2,
              }),
            },
            {
              calculatedCostNanos: BigInt(1_000 + s * 100 + i),
              recordedCostNanos: s === 3 ? BigInt(50 + i) : null,
              priced: i !== 4,
            },
          ),
        );
      }
      await h.store.ingest(
        batch({
          agentType,
          checkpoint: { ...batch({ agentType }).checkpoint, path: `/logs/${s}.jsonl` },
          usage: rows,
          activity: [activity({ sessionExternalId: `sess-${s}`, firstAt: at(s * 20), lastAt: at(s * 20 + 40, 123) })],
        }),
      );
      records.push(...rows.map((r) => ({ ...r, agentType })));
    }
    const t = (minute: number, ms = 0) => new Date(at(minute, ms));
    const ranges: [Date | undefined, Date | undefined][] = [
      [undefined, undefined],
      [t(0), undefined],
      [undefined, t(55)],
      [t(25), t(75)],
      [t(30, 123), t(30, 124)],
      [t(40), t(60, 123)],
      [t(500), undefined],
      [t(-100), t(1000)],
    ];
    for (const [from, to] of ranges) {
      expect(await h.store.usage.totals({ from, to }), `[${from?.toISOString()}, ${to?.toISOString()})`).toEqual(
        expectedTotals(records, from, to),
      );
      expect(await h.store.usage.totals({ from, to, agentTypes: ['codex'] })).toEqual(
        expectedTotals(records, from, to, 'codex'),
      );
    }
  });

  it('follow records that move between sessions and replays that are dropped', async () => {
    await h.store.ingest(
      batch({ usage: [usage({ dedupeKey: 'k1', sessionExternalId: 'sess-fork', occurredAt: at(60) })] }),
    );
    // The original (earlier, same rank) takes the record from the fork.
    await h.store.ingest(
      batch({ usage: [usage({ dedupeKey: 'k1', sessionExternalId: 'sess-original', occurredAt: at(0) })] }),
    );
    const all = await h.store.usage.totals({});
    expect(all.requestCount).toBe(1);
    expect((await h.store.usage.totals({ from: new Date(at(30)) })).requestCount).toBe(0);
    expect((await h.store.usage.totals({ to: new Date(at(30)) })).requestCount).toBe(1);
  });
});
