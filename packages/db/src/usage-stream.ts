import type { AgentType, ReportUsageRecord } from '@rimuru/core';
import type { DbClient } from './db-client.js';
import type { Prisma } from './generated/postgres/client.js';
import { chunk } from './sql.js';
import type { StreamedUsageRecord, UsageStreamFilter } from './store.js';

/** Rows per round trip: large enough to amortise latency, small enough to keep memory flat. */
export const DEFAULT_STREAM_PAGE_SIZE = 2_000;

const SELECT = {
  id: true, agentType: true, dedupeKey: true, sessionId: true, rank: true, replayKey: true, isReplayCopy: true,
  occurredAt: true, model: true, inputTokens: true, outputTokens: true, cacheReadTokens: true,
  cacheWrite5mTokens: true, cacheWrite1hTokens: true, reasoningTokens: true, speed: true,
  calculatedCostNanos: true, recordedCostNanos: true, autoCostNanos: true, priced: true, sourcePath: true,
  sourceLine: true, session: { select: { externalId: true, projectPath: true, host: true } },
} as const satisfies Prisma.UsageRecordSelect;

type Row = Prisma.UsageRecordGetPayload<{ select: typeof SELECT }>;

function toRecord(r: Row): StreamedUsageRecord {
  const record: ReportUsageRecord = {
    occurredAt: r.occurredAt,
    agentType: r.agentType,
    sessionId: r.sessionId,
    model: r.model,
    projectPath: r.session.projectPath,
    tokens: {
      input: Number(r.inputTokens),
      output: Number(r.outputTokens),
      cacheRead: Number(r.cacheReadTokens),
      cacheWrite5m: Number(r.cacheWrite5mTokens),
      cacheWrite1h: Number(r.cacheWrite1hTokens),
      reasoning: Number(r.reasoningTokens),
    },
    calculatedCostNanos: r.calculatedCostNanos,
    recordedCostNanos: r.recordedCostNanos,
    autoCostNanos: r.autoCostNanos,
    priced: r.priced,
  };
  return {
    ...record,
    id: r.id.toString(),
    dedupeKey: r.dedupeKey,
    rank: r.rank,
    replayKey: r.replayKey,
    isReplayCopy: r.isReplayCopy,
    sessionExternalId: r.session.externalId,
    host: r.session.host,
    speed: r.speed === 'fast' || r.speed === 'standard' ? r.speed : null,
    sourcePath: r.sourcePath,
    sourceLine: r.sourceLine,
  };
}

function filterWhere(filter: UsageStreamFilter): Prisma.UsageRecordWhereInput {
  const session: Prisma.SessionWhereInput = {
    ...(filter.hosts !== undefined ? { host: { in: filter.hosts } } : {}),
    ...(filter.agentNames !== undefined ? { agent: { name: { in: filter.agentNames } } } : {}),
    ...(filter.project !== undefined ? { projectPath: { contains: filter.project } } : {}),
  };
  return {
    ...(filter.from !== undefined || filter.to !== undefined
      ? { occurredAt: { ...(filter.from !== undefined ? { gte: filter.from } : {}), ...(filter.to !== undefined ? { lt: filter.to } : {}) } }
      : {}),
    ...(filter.agentTypes !== undefined ? { agentType: { in: filter.agentTypes } } : {}),
    ...(filter.sessionIds !== undefined ? { sessionId: { in: filter.sessionIds.map((id) => id.toLowerCase()) } } : {}),
    ...(Object.keys(session).length > 0 ? { session } : {}),
  };
}

/**
 * Usage records whose instant lies in [from, to), oldest first (then by row id), fetched page
 * by page with keyset pagination on (occurred_at, id): each page is an index range scan that
 * starts after the last row seen, so memory stays flat and late pages cost what early ones do
 * (OFFSET would rescan everything before the page).
 */
export async function* streamUsageRecords(
  db: DbClient,
  filter: UsageStreamFilter,
  pageSize = DEFAULT_STREAM_PAGE_SIZE,
): AsyncGenerator<StreamedUsageRecord> {
  const base = filterWhere(filter);
  let after: { occurredAt: Date; id: bigint } | null = null;
  for (;;) {
    const keyset: Prisma.UsageRecordWhereInput | null =
      after === null
        ? null
        : { OR: [{ occurredAt: { gt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { gt: after.id } }] };
    const rows: Row[] = await db.usageRecord.findMany({
      where: keyset === null ? base : { AND: [base, keyset] },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      take: pageSize,
      select: SELECT,
    });
    for (const row of rows) yield toRecord(row);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}

const LOOKUP_CHUNK = 500;

/**
 * The stored copies of the given dedupe keys, and the non-replay originals of the given replay
 * keys, of one agent type: what `sessions explain` compares re-read copies against.
 */
export async function findUsageRecords(
  db: DbClient,
  agentType: AgentType,
  keys: { dedupeKeys?: readonly string[]; replayKeys?: readonly string[] },
): Promise<StreamedUsageRecord[]> {
  const byId = new Map<string, StreamedUsageRecord>();
  for (const part of chunk([...new Set(keys.dedupeKeys ?? [])], LOOKUP_CHUNK)) {
    const rows = await db.usageRecord.findMany({ where: { agentType, dedupeKey: { in: part } }, select: SELECT });
    for (const r of rows) byId.set(r.id.toString(), toRecord(r));
  }
  for (const part of chunk([...new Set(keys.replayKeys ?? [])], LOOKUP_CHUNK)) {
    const rows = await db.usageRecord.findMany({ where: { agentType, isReplayCopy: false, replayKey: { in: part } }, select: SELECT });
    for (const r of rows) byId.set(r.id.toString(), toRecord(r));
  }
  return [...byId.values()].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || Number(BigInt(a.id) - BigInt(b.id)));
}
