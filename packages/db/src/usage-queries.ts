import type { AgentType } from '@rimuru/core';
import type { DbClient } from './db-client.js';
import type { Prisma } from './generated/postgres/client.js';
import { isUuid } from './session-queries.js';
import type { ModelUsage, UsageTotals } from './store.js';

/** The columns every usage aggregate sums (money as BIGINT: exact). */
export const USAGE_SUMS = {
  inputTokens: true, outputTokens: true, cacheReadTokens: true, cacheWrite5mTokens: true, cacheWrite1hTokens: true,
  reasoningTokens: true, calculatedCostNanos: true, recordedCostNanos: true, autoCostNanos: true,
} as const;

/** One `groupBy` row of usage records split by `priced`. */
export interface UsageGroup {
  priced: boolean;
  _count: { _all: number };
  _sum: { [K in keyof typeof USAGE_SUMS]: bigint | null };
}

export function emptyTotals(): UsageTotals {
  return {
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    requestCount: 0, calculatedCostNanos: 0n, autoCostNanos: 0n, recordedCostNanos: null, unpricedRequestCount: 0,
  };
}

/** Adds one grouped row's counts and sums into running totals. */
export function addGroup(into: UsageTotals, g: UsageGroup): void {
  const s = g._sum;
  into.tokens.input += Number(s.inputTokens ?? 0n);
  into.tokens.output += Number(s.outputTokens ?? 0n);
  into.tokens.cacheRead += Number(s.cacheReadTokens ?? 0n);
  into.tokens.cacheWrite5m += Number(s.cacheWrite5mTokens ?? 0n);
  into.tokens.cacheWrite1h += Number(s.cacheWrite1hTokens ?? 0n);
  into.tokens.reasoning += Number(s.reasoningTokens ?? 0n);
  into.requestCount += g._count._all;
  if (!g.priced) into.unpricedRequestCount += g._count._all;
  into.calculatedCostNanos += s.calculatedCostNanos ?? 0n;
  into.autoCostNanos += s.autoCostNanos ?? 0n;
  if (s.recordedCostNanos !== null) into.recordedCostNanos = (into.recordedCostNanos ?? 0n) + s.recordedCostNanos;
}

/** Totals of usage records whose instant lies in [from, to). */
export async function usageTotals(
  db: DbClient,
  range: { from?: Date; to?: Date; agentTypes?: AgentType[]; hosts?: string[] },
): Promise<UsageTotals> {
  const where: Prisma.UsageRecordWhereInput = {
    occurredAt: { ...(range.from !== undefined ? { gte: range.from } : {}), ...(range.to !== undefined ? { lt: range.to } : {}) },
    ...(range.agentTypes !== undefined ? { agentType: { in: range.agentTypes } } : {}),
    ...(range.hosts !== undefined ? { session: { host: { in: range.hosts } } } : {}),
  };
  const groups = await db.usageRecord.groupBy({ by: ['priced'], where, _count: { _all: true }, _sum: USAGE_SUMS });
  const totals = emptyTotals();
  for (const g of groups) addGroup(totals, g);
  return totals;
}

function totalTokensOf(u: UsageTotals): number {
  const t = u.tokens;
  return t.input + t.output + t.cacheRead + t.cacheWrite5m + t.cacheWrite1h;
}

/** Per-model totals of one session, most tokens first (then by model name). */
export async function sessionUsageByModel(db: DbClient, sessionId: string): Promise<ModelUsage[]> {
  if (!isUuid(sessionId)) return [];
  const groups = await db.usageRecord.groupBy({
    by: ['model', 'priced'],
    where: { sessionId: sessionId.toLowerCase() },
    _count: { _all: true },
    _sum: USAGE_SUMS,
  });
  const byModel = new Map<string | null, ModelUsage>();
  for (const g of groups) {
    const entry = byModel.get(g.model) ?? { model: g.model, ...emptyTotals() };
    addGroup(entry, g);
    byModel.set(g.model, entry);
  }
  return [...byModel.values()].sort(
    (a, b) => totalTokensOf(b) - totalTokensOf(a) || (a.model ?? '').localeCompare(b.model ?? ''),
  );
}
