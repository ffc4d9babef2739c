import type { AgentType } from './agent-type.js';
import type { TokenCounts } from './tokens.js';

export type SessionStatus = 'active' | 'completed';

export type CostMode = 'auto' | 'calculate' | 'recorded';
export const COST_MODES = ['auto', 'calculate', 'recorded'] as const satisfies readonly CostMode[];

/** Where a shown cost comes from. */
export type CostSource = 'recorded' | 'calculated' | 'unpriced' | 'unknown';

/**
 * A session as the store keeps it (money in integer nano-dollars, exact).
 * `tokens` is null when the agent keeps no token data for it.
 */
export interface StoredSession {
  id: string;
  externalId: string;
  agentType: AgentType;
  agentName: string;
  host: string;
  startedAt: Date;
  endedAt: Date;
  projectPath: string | null;
  /** Model with the most tokens, as the agent wrote it. */
  model: string | null;
  /** Every model used, as written; `<synthetic>` excluded. */
  models: string[];
  tokens: TokenCounts | null;
  requestCount: number;
  /** Requests whose model has no known price. */
  unpricedRequestCount: number;
  calculatedCostNanos: bigint;
  /** Sum of the agent-recorded dollars; null when no request recorded any. */
  recordedCostNanos: bigint | null;
  /** Σ per request of (recorded ?? calculated): what `--cost-mode auto` shows. */
  autoCostNanos: bigint;
  /** Set when an agent hook reported the session's end (the only explicit end signal). */
  endedByHook: boolean;
  parentExternalId: string | null;
  title: string | null;
  updatedAt: Date;
}

/** The stable JSON shape of a session (design §4). */
export interface SessionJson {
  id: string;
  externalId: string;
  agentType: AgentType;
  agentName: string;
  status: SessionStatus;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  reasoningTokens: number | null;
  totalTokens: number | null;
  model: string | null;
  models: string[];
  projectPath: string | null;
  costUsd: number;
  costSource: CostSource;
  requestCount: number;
}

/** The stable JSON shape of `sessions stats` (design §4). */
export interface SessionStatsJson {
  totalSessions: number;
  activeSessions: number;
  completedSessions: number;
  totalDurationMs: number;
  avgDurationMs: number;
  totalTokens: number;
  avgTokensPerSession: number;
  totalCostUsd: number;
  avgCostPerSession: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}
