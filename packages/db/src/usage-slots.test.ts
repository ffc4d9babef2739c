import {
  addAggregate,
  billingBlocksOfSlots,
  createBillingBlocks,
  createUsageReport,
  REPORT_PERIODS,
  slotKey,
  toBillingBlockJson,
  toUsageReportJson,
  usageSlotOfRecord,
  type ReportGroupBy,
  type UsageSlot,
} from '@rimuru/core';
import { expect, it } from 'vitest';
import { describeBackends } from './__test__/backends.js';
import { activity, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import type { PricedUsage, StreamedUsageRecord, UsageSlotFilter } from './store.js';

const ZONES = ['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Berlin'];
const HOUR = 3_600_000;
const MIN = 60_000;
const SLOT = 15 * MIN;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random walks across St John's and Berlin DST changes, with steps onto quarter-hour edges, ±1 ms and exactly 5 h. */
function instants(rand: () => number): number[] {
  const steps = [0, 1, 999, 59_000, 7 * MIN, 15 * MIN, HOUR, 5 * HOUR, 5 * HOUR + 1, 6 * HOUR, 26 * HOUR];
  const out: number[] = [];
  for (const start of [
    '2025-03-07T22:10:00Z',
    '2025-03-29T20:00:00Z',
    '2025-10-25T23:45:00Z',
    '2025-11-01T21:00:00Z',
  ]) {
    let t = Date.parse(start);
    for (let i = 0; i < 70; i++) {
      const r = rand();
      if (r < 0.2) t = Math.ceil((t + 1) / SLOT) * SLOT;
      else if (r < 0.27) t = Math.ceil((t + 1) / HOUR) * HOUR - 1;
      else t += steps[Math.floor(rand() * steps.length)]! + Math.floor(rand() * 3) * 137;
      out.push(t);
    }
  }
  // A block from 08:00 with a request exactly at its end and one later in the same quarter-hour.
  const base = Date.parse('2025-06-15T08:20:00Z');
  out.push(base, base + 4 * HOUR + 40 * MIN, base + 4 * HOUR + 44 * MIN);
  return out;
}

interface Session {
  externalId: string;
  agentType: string;
  host: string;
  projectPath: string | null;
}

const SESSIONS: Session[] = [
  { externalId: 'a', agentType: 'claude-code', host: 'host-1', projectPath: '/work/Alpha' },
  { externalId: 'b', agentType: 'claude-code', host: 'host-1', projectPath: '/work/beta_1' },
  { externalId: 'c', agentType: 'claude-code', host: 'host-2', projectPath: null },
  { externalId: 'd', agentType: 'codex', host: 'host-1', projectPath: '/work/alpha/x' },
  { externalId: 'e', agentType: 'codex', host: 'host-2', projectPath: '/srv/beta' },
];
const MODELS = ['claude-sonnet-4', 'gpt-5', null];

/** Ingests generated usage: one batch per agent type and host (own checkpoint), sessions spanning their records. */
async function seed(ingest: (b: ReturnType<typeof batch>) => Promise<unknown>): Promise<number> {
  const rand = mulberry32(42);
  const bySession = new Map<Session, PricedUsage[]>();
  let n = 0;
  for (const t of instants(rand)) {
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
      const session = SESSIONS[Math.floor(rand() * SESSIONS.length)]!;
      const priced = rand() > 0.15;
      const recorded = rand() < 0.2 ? BigInt(Math.floor(rand() * 9_000_000)) : null;
      const list = bySession.get(session) ?? [];
      list.push(
        usage(
          {
            dedupeKey: `k${n++}`,
            sessionExternalId: session.externalId,
            occurredAt: new Date(t).toISOString(),
            model: MODELS[Math.floor(rand() * MODELS.length)]!,
            tokens: tokens({
              input: Math.floor(rand() * 5000),
              output: Math.floor(rand() * 900),
              cacheRead: Math.floor(rand() * 90_000),
              cacheWrite5m: Math.floor(rand() * 300),
              cacheWrite1h: Math.floor(rand() * 40),
              reasoning: Math.floor(rand() * 50),
            }),
            line: n,
          },
          {
            priced,
            calculatedCostNanos: priced ? BigInt(Math.floor(rand() * 5_000_000)) : 0n,
            recordedCostNanos: recorded,
          },
        ),
      );
      bySession.set(session, list);
    }
  }
  for (const agentType of ['claude-code', 'codex']) {
    for (const host of ['host-1', 'host-2']) {
      const sessions = SESSIONS.filter((s) => s.agentType === agentType && s.host === host);
      const records = sessions.flatMap((s) => bySession.get(s) ?? []);
      if (records.length === 0) continue;
      await ingest(
        batch({
          agentType,
          host,
          checkpoint: { ...batch().checkpoint, agentType, path: `/logs/${agentType}-${host}.jsonl` },
          activity: sessions.map((s) => {
            const times = (bySession.get(s) ?? []).map((u) => u.event.occurredAt).sort();
            return activity({
              sessionExternalId: s.externalId,
              firstAt: times[0]!,
              lastAt: times[times.length - 1]!,
              projectPath: s.projectPath,
            });
          }),
          usage: records,
        }),
      );
    }
  }
  return n;
}

/** The grouping the SQL does, brute force over streamed records, in a canonical order. */
function bruteSlots(records: readonly StreamedUsageRecord[]): UsageSlot[] {
  const rows = new Map<string, UsageSlot>();
  for (const record of records) {
    const one = usageSlotOfRecord(record);
    const key = JSON.stringify([slotKey(one), one.sessionId, one.agentType, one.model, record.priced]);
    const row = rows.get(key);
    if (row === undefined) rows.set(key, one);
    else {
      addAggregate(row, one);
      if (one.firstAt < row.firstAt) row.firstAt = one.firstAt;
      if (one.lastAt > row.lastAt) row.lastAt = one.lastAt;
    }
  }
  return canonical([...rows.values()]);
}

function canonical(slots: UsageSlot[]): UsageSlot[] {
  const key = (s: UsageSlot) =>
    JSON.stringify([
      s.firstAt.getTime(),
      s.lastAt.getTime(),
      s.sessionId,
      s.model,
      s.unpricedRequestCount,
      s.requestCount,
    ]);
  return [...slots].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describeBackends('usage slots on $name', (backend) => {
  const h = useTestStore(backend);

  async function records(filter: UsageSlotFilter): Promise<StreamedUsageRecord[]> {
    const out: StreamedUsageRecord[] = [];
    for await (const r of h.store.usage.stream(filter)) out.push(r);
    return out;
  }

  it('sums exactly what the records hold, per quarter-hour and edge instant, under every filter', async () => {
    const count = await seed((b) => h.store.ingest(b));
    const all = await h.store.usage.slots({});
    expect(all.reduce((s, x) => s + x.requestCount, 0)).toBe(count);
    expect(all.length).toBeLessThan(count);
    expect(all.some((s) => s.firstAt.getTime() % SLOT === 0 && s.requestCount > 1)).toBe(true);
    const filters: UsageSlotFilter[] = [
      {},
      { from: new Date('2025-03-09T03:30:00Z'), to: new Date('2025-11-02T05:00:00.001Z') },
      { agentTypes: ['codex'] },
      { hosts: ['host-2'] },
      { agentNames: ['claude-code-default'] },
      { project: 'ALPHA' },
      { project: 'beta_' },
      { project: '%' },
    ];
    for (const filter of filters) {
      const expected = bruteSlots(await records(filter));
      expect(canonical(await h.store.usage.slots(filter)), JSON.stringify(filter)).toEqual(expected);
    }
    // The project filter is the sessions' rule: a literal, case-insensitive substring.
    expect(new Set((await h.store.usage.slots({ project: 'ALPHA' })).map((s) => s.projectPath))).toEqual(
      new Set(['/work/Alpha', '/work/alpha/x']),
    );
    expect(await h.store.usage.slots({ project: '%' })).toEqual([]);
  });

  it('gives every report and the billing blocks the JSON the record-by-record folds give', async () => {
    await seed((b) => h.store.ingest(b));
    const recs = await records({});
    const slots = await h.store.usage.slots({});
    const groupings: (ReportGroupBy | undefined)[] = [undefined, 'agent', 'model', 'project'];
    for (const zone of ZONES) {
      for (const period of REPORT_PERIODS) {
        for (const groupBy of groupings) {
          const options = { period, zone, groupBy, breakdown: groupBy === undefined };
          const fromRecords = createUsageReport(options);
          for (const r of recs) fromRecords.add(usageSlotOfRecord(r));
          const fromSlots = createUsageReport(options);
          for (const s of slots) fromSlots.add(s);
          const report = fromSlots.finish();
          expect(report, `${zone} ${period} ${groupBy}`).toEqual(fromRecords.finish());
          expect(toUsageReportJson(report, 'auto').totals.requestCount).toBe(recs.length);
        }
      }
    }
    const now = new Date(recs[recs.length - 1]!.occurredAt.getTime() + 1);
    const builder = createBillingBlocks({ now });
    for (const r of recs) builder.add({ ...usageSlotOfRecord(r), models: [r.model] });
    const expected = builder.finish().map((b) => toBillingBlockJson(b, 'auto', now));
    expect(billingBlocksOfSlots(slots, { now }).map((b) => toBillingBlockJson(b, 'auto', now))).toEqual(expected);
    expect(expected.find((b) => b.start === '2025-06-15T08:00:00.000Z')?.lastAt).toBe('2025-06-15T13:00:00.000Z');
  });
});
