import type { StoredSession, TokenCounts } from '@rimuru/core';
import type { Prisma } from './generated/postgres/client.js';

/** What every session read selects: the row plus its agent's name. */
export const SESSION_INCLUDE = { agent: { select: { name: true } } } as const satisfies Prisma.SessionInclude;

export type SessionRow = Prisma.SessionGetPayload<{ include: typeof SESSION_INCLUDE }>;

function parseModels(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    return [];
  }
}

function tokensOf(row: SessionRow): TokenCounts | null {
  if (!row.tokensKnown) return null;
  return {
    input: Number(row.totalInputTokens ?? 0n),
    output: Number(row.totalOutputTokens ?? 0n),
    cacheRead: Number(row.cacheReadTokens ?? 0n),
    cacheWrite5m: Number(row.cacheWrite5mTokens ?? 0n),
    cacheWrite1h: Number(row.cacheWrite1hTokens ?? 0n),
    reasoning: Number(row.reasoningTokens ?? 0n),
  };
}

export function toStoredSession(row: SessionRow): StoredSession {
  return {
    id: row.id,
    externalId: row.externalId,
    agentType: row.agentType,
    agentName: row.agent.name,
    host: row.host,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    projectPath: row.projectPath,
    model: row.modelName,
    models: parseModels(row.models),
    tokens: tokensOf(row),
    requestCount: row.requestCount,
    unpricedRequestCount: row.unpricedRequestCount,
    calculatedCostNanos: row.calculatedCostNanos,
    recordedCostNanos: row.recordedCostNanos,
    autoCostNanos: row.autoCostNanos,
    endedByHook: row.endedByHook,
    parentExternalId: row.parentExternalId,
    title: row.title,
    updatedAt: row.updatedAt,
  };
}
