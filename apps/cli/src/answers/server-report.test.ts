import { createUsageReport, type ReportGroupBy, type ReportPeriod, type UsageReportOptions } from '@rimuru/core';
import { openStore, type IngestBatch, type PricedUsage, type SessionStore, type UsageSlotFilter } from '@rimuru/db';
import { createTestDatabase, type TestDatabase } from '@rimuru/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverReport } from './server-report.js';

const T0 = Date.parse('2025-03-01T17:00:00.000Z');
const iso = (minutes: number, ms = 0) => new Date(T0 + minutes * 60_000 + ms).toISOString();

function record(
  key: string,
  session: string,
  minutes: number,
  ms: number,
  model: string | null,
  i: number,
): PricedUsage {
  return {
    event: {
      type: 'usage',
      sessionExternalId: session,
      dedupeKey: key,
      rank: 1,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: iso(minutes, ms),
      model,
      tokens: {
        input: 10 + i,
        output: 3 * i,
        cacheRead: i * 100,
        cacheWrite5m: i % 7,
        cacheWrite1h: 0,
        reasoning: i % 2,
      },
      recordedCostUsd: null,
      speed: null,
      line: i + 1,
    },
    calculatedCostNanos: BigInt(1000 + i * 17),
    recordedCostNanos: i % 5 === 0 ? BigInt(99 + i) : null,
    priced: i % 9 !== 8,
  };
}

function ingestBatch(
  agentType: string,
  host: string,
  session: string,
  project: string | null,
  usage: PricedUsage[],
): IngestBatch {
  return {
    agentType,
    agentName: `${agentType}-default`,
    host,
    checkpoint: {
      agentType,
      path: `/logs/${session}.jsonl`,
      device: '1',
      inode: session,
      size: 1,
      mtimeMs: 1,
      headHash: null,
      headLength: 0,
      offset: 1,
      state: null,
      diagnosticCount: 0,
    },
    usage,
    activity: [
      {
        type: 'activity',
        sessionExternalId: session,
        firstAt: usage[0]!.event.occurredAt,
        lastAt: usage.at(-1)!.event.occurredAt,
        projectPath: project,
        parentExternalId: null,
        tokensKnown: true,
        title: null,
      },
    ],
    diagnosticCount: 0,
  };
}

describe('reports summed by a PostgreSQL team server equal reports folded from slots', { tags: ['postgres'] }, () => {
  let db: TestDatabase;
  let store: SessionStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await openStore({ dialect: 'postgres', url: db.url });
    // Sessions over three days that cross local midnights of :00, :30 and :45 zones, with records
    // on quarter-hour edges, at odd milliseconds, without a model, on two hosts and two projects.
    for (let s = 0; s < 8; s++) {
      const usage: PricedUsage[] = [];
      for (let i = 0; i < 40; i++) {
        const minutes = s * 361 + i * 23 + (i % 4 === 0 ? 0 : 7);
        usage.push(
          record(
            `s${s}-${i}`,
            `sess-${s}`,
            minutes,
            i % 4 === 0 ? 0 : (i * 131) % 1000,
            i % 6 === 5 ? null : i % 2 === 0 ? 'claude-sonnet-4' : 'gpt-5',
            i,
          ),
        );
      }
      await store.ingest(
        ingestBatch(
          s % 3 === 0 ? 'codex' : 'claude-code',
          s % 2 === 0 ? 'dev-01' : 'dev-02',
          `sess-${s}`,
          s % 4 === 1 ? null : `/w/p${s % 2}`,
          usage,
        ),
      );
    }
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  async function viaSlots(options: UsageReportOptions, filter: UsageSlotFilter) {
    const builder = createUsageReport(options);
    for (const slot of await store.usage.slots(filter)) builder.add(slot);
    return builder.finish();
  }

  it('for every period, zone, grouping and filter', async () => {
    const zones = ['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York'];
    const periods: ReportPeriod[] = ['daily', 'weekly', 'monthly'];
    const groups: (ReportGroupBy | undefined)[] = [undefined, 'agent', 'model', 'project'];
    const filters: UsageSlotFilter[] = [
      {},
      { from: new Date('2025-03-02T18:30:00.000Z') },
      { from: new Date('2025-03-01T18:15:00.000Z'), to: new Date('2025-03-03T00:45:00.000Z'), hosts: ['dev-02'] },
      { agentTypes: ['codex'], project: 'p0' },
    ];
    let compared = 0;
    for (const zone of zones) {
      for (const period of periods) {
        for (const [g, groupBy] of groups.entries()) {
          const options: UsageReportOptions = { period, zone, groupBy, breakdown: g % 2 === 0, startOfWeek: 'sunday' };
          for (const filter of filters) {
            const summed = await serverReport(store, options, filter);
            expect(summed, `${zone} ${period} ${groupBy} ${JSON.stringify(filter)}`).toEqual(
              await viaSlots(options, filter),
            );
            compared += summed === null ? 0 : summed.rows.length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 120_000);

  it('leaves a range that starts inside a quarter-hour to the slots', async () => {
    expect(
      await serverReport(store, { period: 'daily', zone: 'UTC' }, { from: new Date('2025-03-02T10:07:00.000Z') }),
    ).toBeNull();
  });
});
