import type { DbClient, DbTx } from './db-client.js';
import { recomputeSessions } from './rollup-writer.js';
import { chunk } from './sql.js';
import { prismaTxRunner, TRANSACTION_OPTIONS } from './prisma-runner.js';
import type { RepriceResult, StoreDialect, UsageRepricer } from './store.js';

/** Records read per page: bounded memory on any store size. */
const PAGE = 2000;

interface Change {
  id: bigint;
  sessionId: string;
  calculated: bigint;
  auto: bigint;
  priced: boolean;
}

/** Same advisory locks as ingest, so a concurrent sync and a reprice never roll a session up from each other's half. */
async function lockSessions(tx: DbTx, dialect: StoreDialect, ids: readonly string[]): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const id of [...ids].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 0))`;
}

/**
 * Recomputes the calculated (and so the auto) cost of usage records, `models` only when given,
 * with `price`; writes only records whose figures changed, then the roll-ups of their sessions,
 * all in one transaction: a session's stored costs stay the exact sums of its records.
 */
export async function repriceUsage(
  db: DbClient,
  dialect: StoreDialect,
  price: UsageRepricer,
  models: readonly string[] | undefined,
  now: Date,
): Promise<RepriceResult> {
  const changes: Change[] = [];
  let examined = 0;
  let cursor: bigint | undefined;
  if (models !== undefined && models.length === 0) return { recordsExamined: 0, recordsRepriced: 0, sessionsUpdated: 0 };
  for (;;) {
    const rows = await db.usageRecord.findMany({
      where: {
        ...(models !== undefined ? { model: { in: [...models] } } : {}),
        ...(cursor !== undefined ? { id: { gt: cursor } } : {}),
      },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: {
        id: true, sessionId: true, model: true, occurredAt: true, speed: true, inputTokens: true, outputTokens: true,
        cacheReadTokens: true, cacheWrite5mTokens: true, cacheWrite1hTokens: true, reasoningTokens: true,
        calculatedCostNanos: true, recordedCostNanos: true, autoCostNanos: true, priced: true,
      },
    });
    if (rows.length === 0) break;
    cursor = rows[rows.length - 1]!.id;
    for (const r of rows) {
      examined++;
      const next = price({
        model: r.model,
        occurredAt: r.occurredAt,
        speed: r.speed === 'fast' || r.speed === 'standard' ? r.speed : null,
        tokens: {
          input: Number(r.inputTokens), output: Number(r.outputTokens), cacheRead: Number(r.cacheReadTokens),
          cacheWrite5m: Number(r.cacheWrite5mTokens), cacheWrite1h: Number(r.cacheWrite1hTokens),
          reasoning: Number(r.reasoningTokens),
        },
      });
      const auto = r.recordedCostNanos ?? next.calculatedCostNanos;
      if (next.calculatedCostNanos === r.calculatedCostNanos && next.priced === r.priced && auto === r.autoCostNanos) continue;
      changes.push({ id: r.id, sessionId: r.sessionId, calculated: next.calculatedCostNanos, auto, priced: next.priced });
    }
    if (rows.length < PAGE) break;
  }
  if (changes.length === 0) return { recordsExamined: examined, recordsRepriced: 0, sessionsUpdated: 0 };

  const sessionIds = [...new Set(changes.map((c) => c.sessionId))];
  const sessionsUpdated = await db.$transaction(
    async (tx) => {
      await lockSessions(tx, dialect, sessionIds);
      for (const part of chunk(changes, 500)) {
        for (const c of part) {
          await tx.$executeRaw`UPDATE usage_records SET calculated_cost_nanos = ${c.calculated},
            auto_cost_nanos = ${c.auto}, priced = ${c.priced} WHERE id = ${c.id}`;
        }
      }
      return recomputeSessions(prismaTxRunner(tx, dialect), sessionIds, now);
    },
    TRANSACTION_OPTIONS,
  );
  return { recordsExamined: examined, recordsRepriced: changes.length, sessionsUpdated };
}
