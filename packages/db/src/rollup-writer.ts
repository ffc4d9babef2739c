import type { DbTx } from './db-client.js';
import { costSourceOf, nanosToUsd6, rollUpSession, SYNTHETIC_MODEL, type SessionRollup, type UsageGroup } from './session-rollup.js';
import { parseModelList, unionModels } from './session-merge.js';
import { chunk } from './sql.js';

const CHUNK = 200;

/** Sums of usage records per (session, model, priced), typed: exact bigint on both dialects. */
export async function usageGroupsBySession(tx: DbTx, sessionIds: readonly string[]): Promise<Map<string, UsageGroup[]>> {
  const bySession = new Map<string, UsageGroup[]>();
  for (const ids of chunk(sessionIds, CHUNK)) {
    const groups = await tx.usageRecord.groupBy({
      by: ['sessionId', 'model', 'priced'],
      where: { sessionId: { in: ids } },
      _count: { _all: true },
      _sum: {
        inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWrite5mTokens: true,
        cacheWrite1hTokens: true, reasoningTokens: true, calculatedCostNanos: true,
        recordedCostNanos: true, autoCostNanos: true,
      },
      _min: { occurredAt: true },
      _max: { occurredAt: true },
    });
    for (const g of groups) {
      const list = bySession.get(g.sessionId) ?? [];
      list.push({
        model: g.model,
        priced: g.priced,
        count: g._count._all,
        input: g._sum.inputTokens ?? 0n,
        output: g._sum.outputTokens ?? 0n,
        cacheRead: g._sum.cacheReadTokens ?? 0n,
        cacheWrite5m: g._sum.cacheWrite5mTokens ?? 0n,
        cacheWrite1h: g._sum.cacheWrite1hTokens ?? 0n,
        reasoning: g._sum.reasoningTokens ?? 0n,
        calculatedCostNanos: g._sum.calculatedCostNanos ?? 0n,
        recordedCostNanos: g._sum.recordedCostNanos ?? null,
        autoCostNanos: g._sum.autoCostNanos ?? 0n,
        firstAt: g._min.occurredAt ?? null,
        lastAt: g._max.occurredAt ?? null,
      });
      bySession.set(g.sessionId, list);
    }
  }
  return bySession;
}

interface StoredFacts {
  startedAt: Date;
  endedAt: Date;
  tokensKnown: boolean;
  activityModels: string;
  activityRequestCount: number;
}

/**
 * Models: those of usage records plus those tokenless activity named (Copilot Chat), sorted.
 * The main model is the usage model with most tokens, else the first model the activity named.
 */
function displayModels(rollup: SessionRollup, stored: StoredFacts): { models: string[]; modelName: string | null } {
  const activity = parseModelList(stored.activityModels).filter((m) => m !== SYNTHETIC_MODEL);
  return {
    models: unionModels(rollup.models, activity).sort(),
    modelName: rollup.modelName ?? activity[0] ?? null,
  };
}

function sessionData(rollup: SessionRollup, stored: StoredFacts) {
  const tokensKnown = stored.tokensKnown || rollup.requestCount > 0;
  const tokens = (value: bigint) => (tokensKnown ? value : null);
  const startedAt =
    rollup.firstAt !== null && rollup.firstAt.getTime() < stored.startedAt.getTime() ? rollup.firstAt : stored.startedAt;
  const endedAt = rollup.lastAt !== null && rollup.lastAt.getTime() > stored.endedAt.getTime() ? rollup.lastAt : stored.endedAt;
  return {
    startedAt,
    endedAt,
    tokensKnown,
    totalInputTokens: tokens(rollup.input),
    totalOutputTokens: tokens(rollup.output),
    cacheReadTokens: tokens(rollup.cacheRead),
    cacheWrite5mTokens: tokens(rollup.cacheWrite5m),
    cacheWrite1hTokens: tokens(rollup.cacheWrite1h),
    reasoningTokens: tokens(rollup.reasoning),
    models: JSON.stringify(displayModels(rollup, stored).models),
    modelName: displayModels(rollup, stored).modelName,
    // Usage records are the exact count; an agent's own count stands in only when there are none.
    requestCount: rollup.requestCount > 0 ? rollup.requestCount : stored.activityRequestCount,
    unpricedRequestCount: rollup.unpricedRequestCount,
    calculatedCostNanos: rollup.calculatedCostNanos,
    recordedCostNanos: rollup.recordedCostNanos,
    autoCostNanos: rollup.autoCostNanos,
    costUsd: nanosToUsd6(rollup.autoCostNanos),
    costSource: costSourceOf(rollup, tokensKnown),
  };
}

type SessionData = ReturnType<typeof sessionData>;

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  // Decimal (cost_usd) and bigint compare by their exact text.
  if (typeof value === 'bigint' || (typeof value === 'object' && value !== null)) return String(value);
  return value;
}

function changed(next: SessionData, stored: Record<string, unknown>): boolean {
  return (Object.keys(next) as (keyof SessionData)[]).some((key) => {
    if (key === 'costUsd') return Number(String(stored[key])) !== Number(next[key]);
    return comparable(next[key]) !== comparable(stored[key]);
  });
}

/**
 * Recomputes the roll-ups of the given sessions from their usage records, widening start/end
 * to cover every usage instant. `is_active` is left as stored. Sessions whose figures did
 * not change are not written, so re-ingesting a batch leaves the store (and updated_at) alone.
 */
export async function recomputeSessions(tx: DbTx, sessionIds: Iterable<string>, now: Date): Promise<number> {
  const ids = [...new Set(sessionIds)];
  const groups = await usageGroupsBySession(tx, ids);
  let updated = 0;
  for (const part of chunk(ids, CHUNK)) {
    const sessions = await tx.session.findMany({ where: { id: { in: part } } });
    for (const stored of sessions) {
      const next = sessionData(rollUpSession(groups.get(stored.id) ?? []), stored);
      if (!changed(next, stored as unknown as Record<string, unknown>)) continue;
      await tx.session.update({ where: { id: stored.id }, data: { ...next, updatedAt: now } });
      updated++;
    }
  }
  return updated;
}
