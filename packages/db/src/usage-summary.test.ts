import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresBackend } from './__test__/backends.js';
import { activity, at, batch, tokens, usage } from './__test__/fixtures.js';
import { useTestStore } from './__test__/open-test-store.js';
import type { PricedUsage, UsageTotals } from './store.js';

const HOSTS = ['dev-01', 'dev-02'];

/** One group of the oracle's query: counts as numbers, sums as exact text. */
interface OracleRow {
  grp: string | null;
  n: number;
  unpriced: number;
  input: string;
  output: string;
  cache_read: string;
  calculated: string;
  recorded: string | null;
  auto: string;
}

/** The oracle: sums straight from usage_records (the source of truth the summaries must equal). */
async function fromRecords(
  url: string,
  from: Date | undefined,
  to: Date | undefined,
  group: 'type' | 'model' | null,
  hosts?: string[],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const key = group === 'type' ? 'a.type' : group === 'model' ? 'u.model' : "''";
    const { rows } = await client.query<OracleRow>(
      `SELECT ${key} AS grp, COUNT(*)::int AS n, SUM((NOT u.priced)::int)::int AS unpriced, SUM(u.input_tokens)::text AS input,
         SUM(u.output_tokens)::text AS output, SUM(u.cache_read_tokens)::text AS cache_read, SUM(u.calculated_cost_nanos)::text AS calculated,
         SUM(u.recorded_cost_nanos)::text AS recorded, SUM(u.auto_cost_nanos)::text AS auto
       FROM usage_records u JOIN sessions s ON s.id = u.session_id JOIN agents a ON a.id = s.agent_id
       WHERE ($1::timestamptz IS NULL OR u.occurred_at >= $1) AND ($2::timestamptz IS NULL OR u.occurred_at < $2)
         AND ($3::text[] IS NULL OR a.host = ANY($3))
       GROUP BY 1 ORDER BY 1`,
      [from ?? null, to ?? null, hosts ?? null],
    );
    return rows.map((r) => ({
      group: group === null ? null : r.grp,
      requestCount: r.n,
      unpricedRequestCount: r.unpriced,
      input: Number(r.input),
      output: Number(r.output),
      cacheRead: Number(r.cache_read),
      calculatedCostNanos: BigInt(r.calculated),
      recordedCostNanos: r.recorded === null ? null : BigInt(r.recorded),
      autoCostNanos: BigInt(r.auto),
    }));
  } finally {
    await client.end();
  }
}

function shape(group: string | null, t: UsageTotals) {
  return {
    group,
    requestCount: t.requestCount,
    unpricedRequestCount: t.unpricedRequestCount,
    input: t.tokens.input,
    output: t.tokens.output,
    cacheRead: t.tokens.cacheRead,
    calculatedCostNanos: t.calculatedCostNanos,
    recordedCostNanos: t.recordedCostNanos,
    autoCostNanos: t.autoCostNanos,
  };
}

describe('hourly and daily usage summaries (PostgreSQL, schema 7)', { tags: ['postgres'] }, () => {
  const h = useTestStore(postgresBackend);
  const url = () => (h.target.target as { url: string }).url;

  /** Records every 53 minutes over four days on two hosts, so ranges cut days, hours and minutes. */
  async function ingestDays(): Promise<void> {
    for (let s = 0; s < 4; s++) {
      const agentType = s % 2 === 0 ? 'claude-code' : 'codex';
      const rows: PricedUsage[] = [];
      for (let i = 0; i < 30; i++) {
        const minute = s * 7 + i * 53 * 4 + (i % 3) * 11;
        rows.push(
          usage(
            {
              dedupeKey: `s${s}-r${i}`,
              sessionExternalId: `sess-${s}`,
              occurredAt: at(minute, (i * 37) % 1000),
              model: i % 5 === 4 ? null : i % 2 === 0 ? 'claude-sonnet-4' : 'gpt-5',
              replayKey: `rk-${s}-${i}`,
              tokens: tokens({ input: 100 + i, output: 7 * i + s, cacheRead: 1000 * s + i }),
            },
            {
              calculatedCostNanos: BigInt(1_000 + s * 100 + i),
              recordedCostNanos: i % 4 === 0 ? BigInt(50 + i) : null,
              priced: i % 6 !== 5,
            },
          ),
        );
      }
      await h.store.ingest(
        batch({
          agentType,
          host: HOSTS[s % 2]!,
          checkpoint: { ...batch({ agentType }).checkpoint, path: `/logs/${s}.jsonl` },
          usage: rows,
          activity: [
            activity({ sessionExternalId: `sess-${s}`, firstAt: at(s * 7), lastAt: at(s * 7 + 30 * 212 + 30) }),
          ],
        }),
      );
    }
  }

  /** Every range below, through the store (summaries) and the oracle (records), must agree. */
  async function expectAgreement(label: string): Promise<void> {
    const t = (minutes: number, ms = 0) => new Date(at(minutes, ms));
    const ranges: [Date | undefined, Date | undefined][] = [
      [undefined, undefined],
      [t(0), undefined],
      [undefined, t(3000, 5)],
      [t(-600), t(10_000)],
      [t(61, 1), t(4 * 1440 + 7)],
      [t(1440 - 600), t(3 * 1440 + 13, 999)],
      [t(90), t(150)],
      [t(59, 999), t(60, 1)],
      [t(2 * 1440), t(3 * 1440)],
    ];
    for (const [from, to] of ranges) {
      const where = `${label} [${from?.toISOString()}, ${to?.toISOString()})`;
      const totals = await h.store.usage.totals({ from, to });
      expect(
        [shape(null, totals)].filter((r) => r.requestCount > 0),
        where,
      ).toEqual(await fromRecords(url(), from, to, null));
      const oneHost = await h.store.usage.totals({ from, to, hosts: ['dev-02'] });
      expect(
        [shape(null, oneHost)].filter((r) => r.requestCount > 0),
        `${where} dev-02`,
      ).toEqual(await fromRecords(url(), from, to, null, ['dev-02']));
      for (const [groupBy, column] of [
        ['agentType', 'type'],
        ['model', 'model'],
      ] as const) {
        const groups = await h.store.usage.breakdown({ groupBy, from, to });
        const oracle = await fromRecords(url(), from, to, column);
        const byGroup = (a: { group: string | null }, b: { group: string | null }) =>
          String(a.group).localeCompare(String(b.group));
        expect(groups.map((g) => shape(g.group, g)).sort(byGroup), `${where} by ${groupBy}`).toEqual(
          oracle.sort(byGroup),
        );
      }
    }
  }

  it('equal the records in ranges that cut days, hours and milliseconds, per host and per group', async () => {
    await ingestDays();
    await expectAgreement('after ingest');
  });

  it('follow every later write: a record moving to a later session, a replay copy dropped, a reprice', async () => {
    await ingestDays();
    // A larger-rank copy of s0-r3 in another session, two days later: the record moves (day and hour change).
    await h.store.ingest(
      batch({
        usage: [
          usage({ dedupeKey: 's0-r3', rank: 9, sessionExternalId: 'sess-late', occurredAt: at(2 * 1440 + 333, 7) }),
        ],
      }),
    );
    // A replay copy, then its original under another key: the copy goes.
    await h.store.ingest(
      batch({
        usage: [
          usage({
            dedupeKey: 'copy-1',
            replayKey: 'rk-x',
            isReplayCopy: true,
            sessionExternalId: 'sess-side',
            occurredAt: at(100),
          }),
        ],
      }),
    );
    await expectAgreement('with the copy');
    await h.store.ingest(
      batch({
        usage: [usage({ dedupeKey: 'orig-1', replayKey: 'rk-x', sessionExternalId: 'sess-main', occurredAt: at(101) })],
      }),
    );
    await expectAgreement('after moves and drops');
    const repriced = await h.store.usage.reprice((r) => ({
      calculatedCostNanos: BigInt(r.tokens.input * 3),
      priced: r.model !== null,
    }));
    expect(repriced.recordsRepriced).toBeGreaterThan(0);
    await expectAgreement('after a reprice');
  });

  it('leave no summary row behind for records that are gone', async () => {
    await h.store.ingest(
      batch({
        usage: [
          usage({
            dedupeKey: 'only',
            replayKey: 'rk-y',
            isReplayCopy: true,
            sessionExternalId: 'sess-c',
            occurredAt: at(5),
          }),
        ],
      }),
    );
    await h.store.ingest(
      batch({
        usage: [usage({ dedupeKey: 'orig', replayKey: 'rk-y', sessionExternalId: 'sess-o', occurredAt: at(2 * 1440) })],
      }),
    );
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      for (const table of ['usage_hourly', 'usage_daily']) {
        const { rows } = await client.query<{ bucket: Date; n: string | number }>(
          `SELECT bucket, n FROM ${table} ORDER BY bucket`,
        );
        expect(
          rows.map((r) => [new Date(r.bucket).toISOString(), Number(r.n)]),
          table,
        ).toEqual([[table === 'usage_hourly' ? '2025-03-03T10:00:00.000Z' : '2025-03-03T00:00:00.000Z', 1]]);
      }
    } finally {
      await client.end();
    }
  });
});
