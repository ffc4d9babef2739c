import { describe, expect, it } from 'vitest';
import type { AgentType } from '../agent-type.js';
import { billingBlocksOfSlots, createBillingBlocks } from './billing-blocks.js';
import { REPORT_PERIODS } from './buckets.js';
import { recordSpan, usageRecord } from './test-records.js';
import { addAggregate } from './usage-aggregate.js';
import type { ReportUsageRecord } from './usage-record.js';
import { createUsageReport, type ReportGroupBy } from './usage-report.js';
import { SLOT_MS, slotKey, usageSlotOfRecord, type UsageSlot } from './usage-slot.js';

/**
 * Reports and billing blocks folded from quarter-hour slot rows (what the database returns)
 * must equal the same folds over the records one by one, in every zone and across DST.
 */
const ZONES = ['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Berlin'];
const HOUR = 3_600_000;
const MIN = 60_000;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SESSIONS: { id: string; agentType: AgentType; projectPath: string | null }[] = [
  { id: 's0', agentType: 'claude-code', projectPath: '/work/a' },
  { id: 's1', agentType: 'claude-code', projectPath: '/work/b' },
  { id: 's2', agentType: 'codex', projectPath: '/work/a' },
  { id: 's3', agentType: 'codex', projectPath: null },
];
const MODELS = ['m-opus', 'm-sonnet', null] as const;

/**
 * Instants around the DST changes of 2025 (St John's 9 Mar / 2 Nov, Berlin 30 Mar / 26 Oct):
 * random walks whose steps hit quarter-hour edges, 1 ms either side, and exactly one block
 * length (5 h) — the cases where a slot could straddle a day or block edge if the rules were wrong.
 */
function instants(rand: () => number): number[] {
  const steps = [
    0,
    1,
    999,
    59_000,
    7 * MIN,
    15 * MIN,
    HOUR,
    4 * HOUR + 59 * MIN,
    5 * HOUR,
    5 * HOUR + 1,
    6 * HOUR,
    26 * HOUR,
  ];
  const out: number[] = [];
  for (const start of [
    '2025-03-07T22:10:00Z',
    '2025-03-28T20:00:00Z',
    '2025-10-24T23:45:00Z',
    '2025-10-31T21:00:00Z',
  ]) {
    let t = Date.parse(start);
    for (let i = 0; i < 120; i++) {
      const r = rand();
      if (r < 0.15)
        t = Math.ceil((t + 1) / SLOT_MS) * SLOT_MS; // onto the next quarter-hour edge
      else if (r < 0.22)
        t = Math.ceil((t + 1) / HOUR) * HOUR - 1; // 1 ms before an hour
      else t += steps[Math.floor(rand() * steps.length)]! + Math.floor(rand() * 3) * 137;
      out.push(t);
    }
  }
  // A block from 08:00: a request exactly at its end (13:00 stays in it) and one 4 minutes later
  // in the same quarter-hour (opens the next block) — the case slot edges exist for.
  const base = Date.parse('2025-06-15T08:20:00Z');
  out.push(base, base + 4 * HOUR + 40 * MIN, base + 4 * HOUR + 44 * MIN, base + 4 * HOUR + 40 * MIN + 4 * MIN + 1);
  return out.sort((a, b) => a - b);
}

function generate(seed: number): ReportUsageRecord[] {
  const rand = mulberry32(seed);
  const records: ReportUsageRecord[] = [];
  for (const t of instants(rand)) {
    for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) {
      const session = SESSIONS[Math.floor(rand() * SESSIONS.length)]!;
      const priced = rand() > 0.15;
      const calculated = priced ? BigInt(Math.floor(rand() * 5_000_000)) : 0n;
      const recorded = rand() < 0.2 ? BigInt(Math.floor(rand() * 9_000_000)) : null;
      records.push(
        usageRecord(new Date(t), {
          sessionId: session.id,
          agentType: session.agentType,
          projectPath: session.projectPath,
          model: MODELS[Math.floor(rand() * MODELS.length)]!,
          priced,
          calculatedCostNanos: calculated,
          recordedCostNanos: recorded,
          autoCostNanos: recorded ?? calculated,
          tokens: {
            input: Math.floor(rand() * 5000),
            output: Math.floor(rand() * 900),
            cacheRead: Math.floor(rand() * 90_000),
            cacheWrite5m: Math.floor(rand() * 300),
            cacheWrite1h: Math.floor(rand() * 40),
            reasoning: Math.floor(rand() * 50),
          },
        }),
      );
    }
  }
  return records;
}

/** What the database's GROUP BY computes, brute force: one row per slot × session × agent × model × project × priced. */
function slotRows(records: readonly ReportUsageRecord[], rand: () => number): UsageSlot[] {
  const rows = new Map<string, UsageSlot>();
  for (const record of records) {
    const one = usageSlotOfRecord(record);
    const key = JSON.stringify([slotKey(one), one.sessionId, one.agentType, one.model, one.projectPath, record.priced]);
    const row = rows.get(key);
    if (row === undefined) {
      rows.set(key, one);
      continue;
    }
    addAggregate(row, one);
    if (one.firstAt < row.firstAt) row.firstAt = one.firstAt;
    if (one.lastAt > row.lastAt) row.lastAt = one.lastAt;
  }
  // A database returns groups in no particular order.
  return [...rows.values()]
    .map((row) => ({ row, r: rand() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.row);
}

describe('folding quarter-hour slot rows', () => {
  const records = generate(13);
  const slots = slotRows(records, mulberry32(7));

  it('has data that groups and that hits the edges', () => {
    expect(slots.length).toBeLessThan(records.length);
    expect(slots.some((s) => s.firstAt < s.lastAt)).toBe(true);
    expect(records.some((r) => r.occurredAt.getTime() % SLOT_MS === 0)).toBe(true);
    expect(slots.some((s) => s.firstAt.getTime() % SLOT_MS === 0 && s.requestCount > 1)).toBe(true);
  });

  describe.each(ZONES)('in %s', (zone) => {
    it.each(REPORT_PERIODS)('builds the same %s reports from slots as from records', (period) => {
      const groupings: (ReportGroupBy | undefined)[] = [undefined, 'agent', 'model', 'project'];
      for (const groupBy of groupings) {
        const options = {
          period,
          zone,
          groupBy,
          breakdown: groupBy !== 'model',
          startOfWeek: zone === 'UTC' ? ('sunday' as const) : undefined,
        };
        const fromRecords = createUsageReport(options);
        for (const r of records) fromRecords.add(usageSlotOfRecord(r));
        const fromSlots = createUsageReport(options);
        for (const s of slots) fromSlots.add(s);
        expect(fromSlots.finish()).toEqual(fromRecords.finish());
      }
    });
  });

  it('builds the same billing blocks from slots as record by record, edge and idle rules included', () => {
    const sorted = [...records].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const now = new Date(sorted[sorted.length - 1]!.occurredAt.getTime() + 1);
    const builder = createBillingBlocks({ now });
    for (const r of sorted) builder.add(recordSpan(r));
    const expected = builder.finish();
    expect(billingBlocksOfSlots(slots, { now })).toEqual(expected);
    // The crafted case: 13:00:00.000 closes the 08:00 block, 13:04 opens the next one.
    const edge = expected.find((b) => b.start.toISOString() === '2025-06-15T08:00:00.000Z')!;
    expect(edge.lastAt?.toISOString()).toBe('2025-06-15T13:00:00.000Z');
    expect(expected.some((b) => b.start.toISOString() === '2025-06-15T13:00:00.000Z' && !b.isGap)).toBe(true);
    expect(expected.some((b) => b.isGap)).toBe(true);
    expect(expected.some((b) => b.isActive)).toBe(true);
  });

  it('refuses rows that are not one slot', () => {
    const slot = usageSlotOfRecord(usageRecord('2025-03-09T13:00:00.000Z'));
    expect(() =>
      createUsageReport({ period: 'daily', zone: 'UTC' }).add({
        ...slot,
        lastAt: new Date('2025-03-09T13:00:00.001Z'),
      }),
    ).toThrow(/not a usage slot/);
    expect(() =>
      billingBlocksOfSlots([{ ...slot, firstAt: new Date('2025-03-09T12:59:00Z') }], { now: new Date() }),
    ).toThrow(/not a usage slot/);
    expect(() => billingBlocksOfSlots([slot], { now: new Date(), blockHours: 0.1 })).toThrow(/quarter-hours/);
  });
});
