import type {
  AgentType,
  JsonValue,
  SessionActivity,
  StoredSession,
  TokenCounts,
  UsageEvent,
} from '@rimuru/core';

export type StoreDialect = 'sqlite' | 'postgres';

/** Identity and progress of one source file, as last ingested. */
export interface SourceCheckpoint {
  agentType: AgentType;
  path: string;
  device: string | null;
  inode: string | null;
  size: number;
  mtimeMs: number;
  /** Hash of the first `headLength` bytes, to detect a file replaced by another. */
  headHash: string | null;
  headLength: number;
  /** Bytes consumed: always just after a complete line. */
  offset: number;
  state: JsonValue | null;
  diagnosticCount: number;
  updatedAt: Date;
}

/** A usage event with its costs already computed (integer nano-dollars). */
export interface PricedUsage {
  event: UsageEvent;
  calculatedCostNanos: bigint;
  recordedCostNanos: bigint | null;
  /** False when no price was found for the model: cost 0, model named. */
  priced: boolean;
}

/** Everything one checkpointed stretch of one source produced: written in one transaction. */
export interface IngestBatch {
  agentType: AgentType;
  agentName: string;
  host: string;
  checkpoint: Omit<SourceCheckpoint, 'updatedAt'>;
  usage: PricedUsage[];
  activity: SessionActivity[];
  /** Diagnostics counted in this stretch (added to the source's total). */
  diagnosticCount: number;
}

export interface IngestResult {
  usageInserted: number;
  usageReplaced: number;
  usageIgnored: number;
  replaysDropped: number;
  sessionsTouched: number;
}

export interface SessionFilter {
  /** Active sessions: last activity at or after this instant and no hook-reported end. */
  activeSince?: Date;
  agentTypes?: AgentType[];
  agentNames?: string[];
  /** Substring of the project path. */
  project?: string;
  hosts?: string[];
  /** Sessions with any activity at or after `since` … */
  since?: Date;
  /** … and at or before `until`. */
  until?: Date;
  limit?: number;
  offset?: number;
}

export interface UsageTotals {
  tokens: TokenCounts;
  requestCount: number;
  calculatedCostNanos: bigint;
  autoCostNanos: bigint;
  recordedCostNanos: bigint | null;
  unpricedRequestCount: number;
}

export interface ModelUsage extends UsageTotals {
  model: string | null;
}

export interface AgentRow {
  id: string;
  type: AgentType;
  name: string;
  host: string;
  sessionCount: number;
  lastActivityAt: Date | null;
}

export interface SessionStore {
  readonly dialect: StoreDialect;
  /** Where the store lives, with any password masked. */
  readonly location: string;

  getCheckpoint(agentType: AgentType, path: string): Promise<SourceCheckpoint | null>;
  listCheckpoints(agentType?: AgentType): Promise<SourceCheckpoint[]>;
  /** Applies a batch atomically: agent, sessions, usage (dedupe + replay rules), roll-ups, checkpoint. */
  ingest(batch: IngestBatch): Promise<IngestResult>;

  /** Newest first (by last activity, then start). */
  listSessions(filter: SessionFilter): Promise<StoredSession[]>;
  countSessions(filter: SessionFilter): Promise<number>;
  /** Exact id, exact external id, or a unique prefix of either; returns every match. */
  findSessions(idOrPrefix: string, limit?: number): Promise<StoredSession[]>;
  /** Per-model totals of one session's usage records. */
  sessionUsageByModel(sessionId: string): Promise<ModelUsage[]>;
  /** Totals of usage records whose instant lies in [from, to). */
  usageTotals(range: { from?: Date; to?: Date; agentTypes?: AgentType[]; hosts?: string[] }): Promise<UsageTotals>;
  listAgents(): Promise<AgentRow[]>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  close(): Promise<void>;
}
