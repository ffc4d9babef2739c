import type {
  AgentType,
  Budget,
  BudgetSpec,
  ReportUsageRecord,
  DatedPriceRow,
  RecordCost,
  SessionCounts,
  UsageRecordFacts,
  CostMode,
  JsonValue,
  PlanUnitSums,
  SessionActivity,
  StoredSession,
  TokenCounts,
  UsageEvent,
  UsageSlot,
  ReportCell,
  ReportGroupBy,
  ReportRowCounts,
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

/** Orders of the TUI's session list, each biggest (newest) first. */
export type SessionSort = 'started' | 'duration' | 'tokens' | 'cost';

/** A filter plus free-text search (id, external id, project, model, agent type or name). */
export interface SessionSearchQuery {
  filter: SessionFilter;
  search?: string;
  /** Completed sessions only: last activity before this instant, or ended by an agent hook. */
  completedBefore?: Date;
}

/** One page of a sorted, searched session list. `filter.limit`/`filter.offset` are ignored. */
export interface SessionPageQuery extends SessionSearchQuery {
  sort: SessionSort;
  /** Which cost column the 'cost' sort uses (default auto). */
  costMode?: CostMode;
  offset: number;
  limit: number;
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

/** Sources of one agent type that the store tracks, with the diagnostics counted in them. */
export interface SourceDiagnosticCount {
  agentType: AgentType;
  sources: number;
  /** Sum of source_files.diagnostic_count: malformed lines or records seen so far. */
  diagnostics: number;
}

/** Sessions: listing, counting, paging, finding and the hooks' lifecycle marks. */
export interface SessionRepository {
  /** Newest first (by last activity, then start). */
  list(filter: SessionFilter): Promise<StoredSession[]>;
  count(filter: SessionFilter): Promise<number>;
  /**
   * Count, active count (last activity at or after `activeSince`, no hook-reported end) and
   * summed durations of the sessions a filter matches, aggregated in the database: what
   * sessionStatus gives for the rows `list` would return, without loading them. limit/offset ignored.
   */
  counts(filter: SessionFilter, activeSince: Date): Promise<SessionCounts>;
  /** One page sorted and searched in the database (see SessionPageQuery). */
  page(query: SessionPageQuery): Promise<StoredSession[]>;
  /** How many sessions match a filter and search: the length of the paged list. */
  countSearched(query: SessionSearchQuery): Promise<number>;
  /** Exact id, exact external id, or a unique prefix of either; returns every match. */
  find(idOrPrefix: string, limit?: number): Promise<StoredSession[]>;
  /** Sessions with any activity in the filter's range, oldest start first, streamed page by page. */
  stream(filter: SessionStreamFilter, options?: { pageSize?: number }): AsyncIterable<StoredSession>;
  /**
   * An agent hook's lifecycle signal: creates the session when unknown (start = end = `at`),
   * widens its end to `at`, and sets (`ended`) or clears (a start or resume) its hook end.
   */
  markByHook(mark: HookMark): Promise<void>;
}

/** Usage records: totals, groupings, streams and repricing (ingest writes them). */
export interface UsageRepository {
  /** Totals of usage records whose instant lies in [from, to) (and the other filters of the query). */
  totals(range: UsageTotalsQuery): Promise<UsageTotals>;
  /** Per-model totals of one session's usage records. */
  byModel(sessionId: string): Promise<ModelUsage[]>;
  /** Usage totals grouped by agent type or model (costs reports, `models missing`). */
  breakdown(query: UsageBreakdownQuery): Promise<GroupedUsage[]>;
  /** One session's usage records, oldest first (for its cost breakdown). */
  ofSession(sessionId: string): Promise<StoredUsageRecord[]>;
  /**
   * Usage records matching `filter`, oldest first, streamed page by page (keyset pagination):
   * what exports and `sessions explain` read (reports read `slots`). Never one giant array.
   */
  stream(filter: UsageStreamFilter, options?: { pageSize?: number }): AsyncIterable<StreamedUsageRecord>;
  /**
   * Usage reduced to partial sums per UTC quarter-hour slot × session × agent type × model ×
   * priced (core's UsageSlot), in no particular order: what reports and billing blocks fold.
   */
  slots(filter: UsageSlotFilter): Promise<UsageSlot[]>;
  /**
   * A team server's (PostgreSQL) first and last usage quarter-hour a report's filter matches,
   * for core to lay its periods over; null where reports fold `slots` instead (SQLite, or a
   * range that starts or ends inside a quarter-hour).
   */
  reportSpan(filter: UsageSlotFilter): Promise<{ first: Date; last: Date } | null>;
  /** A report summed and counted by a team server per core's periods; null where reportSpan is. */
  reportCells(query: ReportCellsQuery): Promise<ReportCells | null>;
  /** Stored copies of `dedupeKeys` and non-replay originals of `replayKeys` of one agent type (`sessions explain`). */
  find(
    agentType: AgentType,
    keys: { dedupeKeys?: readonly string[]; replayKeys?: readonly string[] },
  ): Promise<StreamedUsageRecord[]>;
  /**
   * Recomputes calculated/auto costs of usage records (of `models` only, when given; of
   * aggregates only with `aggregatesOnly`) with `price`, then the roll-ups of their sessions;
   * only changed records are written.
   */
  reprice(price: UsageRepricer, models?: readonly string[], options?: RepriceOptions): Promise<RepriceResult>;
}

/** Source files: their checkpoints and the diagnostics counted in them. */
export interface SourceRepository {
  checkpoint(agentType: AgentType, path: string): Promise<SourceCheckpoint | null>;
  checkpoints(agentType?: AgentType): Promise<SourceCheckpoint[]>;
  /** Per agent type: tracked sources and their diagnostic counts (for `rimuru agents`). */
  diagnosticCounts(): Promise<SourceDiagnosticCount[]>;
}

/** Dated model prices (model_prices). */
export interface PriceRepository {
  /** Every dated price row, by model then start. */
  list(): Promise<DatedPriceRow[]>;
  /** Upserts dated price rows; `replace` overwrites a row at the same (model, start), `keep` leaves it. */
  write(rows: readonly DatedPriceRow[], mode: 'replace' | 'keep'): Promise<number>;
}

/** Agents (one per type, name and host) with their session counts. */
export interface AgentRepository {
  list(): Promise<AgentRow[]>;
}

/** Budgets: spending caps per local day, week or month (the `budgets` table). */
export interface BudgetRepository {
  /** Every budget, by name. */
  list(): Promise<Budget[]>;
  get(name: string): Promise<Budget | null>;
  /** Creates the budget or replaces the one of that name (keeping its creation time). */
  save(spec: BudgetSpec): Promise<{ budget: Budget; created: boolean }>;
  /** Removes the budget of that name; false when there was none. */
  remove(name: string): Promise<boolean>;
}

/** The store's own key-value facts (last sync, push cursors, price fingerprints, …). */
export interface MetaRepository {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** Team push: changes read from one store and applied to another. */
export interface ReplicationRepository {
  /** Sessions changed after `cursor` (with their usage records and agents), oldest change first. */
  changesSince(cursor: ReplicationCursor | null, limit: number): Promise<ReplicationBatch>;
  /** Upserts a batch replicated from another store (team push): idempotent, merges, re-rolls up. */
  apply(batch: ReplicationBatch): Promise<void>;
}

/**
 * One open store: a repository per table, plus ingest, the one unit of work that spans them
 * (agent, sessions, usage, roll-ups and checkpoint in one transaction).
 */
export interface SessionStore {
  readonly dialect: StoreDialect;
  /** Where the store lives, with any password masked. */
  readonly location: string;
  readonly sessions: SessionRepository;
  readonly usage: UsageRepository;
  readonly sources: SourceRepository;
  readonly prices: PriceRepository;
  readonly agents: AgentRepository;
  readonly meta: MetaRepository;
  readonly replication: ReplicationRepository;
  readonly budgets: BudgetRepository;

  /** Applies a batch atomically: agent, sessions, usage (dedupe + replay rules), roll-ups, checkpoint. */
  ingest(batch: IngestBatch): Promise<IngestResult>;
  /**
   * Applies several batches, in order, in one transaction (all or none): what a first import
   * of many small files uses, so each index page is written once per group, not once per file.
   */
  ingestMany(batches: readonly IngestBatch[]): Promise<IngestResult[]>;
  close(): Promise<void>;
}

/** What an agent hook reports about one session. */
export interface HookMark {
  agentType: AgentType;
  agentName: string;
  host: string;
  externalId: string;
  at: Date;
  ended: boolean;
  projectPath: string | null;
}

/** Where a push stopped: keyset (updated_at, id) of the last session sent. */
export interface ReplicationCursor {
  updatedAt: string;
  id: string;
}

export interface ReplicatedAgent {
  id: string;
  type: AgentType;
  name: string;
  host: string;
}

/** A session's own facts; figures are re-rolled up from usage records on the receiving side. */
export interface ReplicatedSession {
  id: string;
  agentId: string;
  agentType: AgentType;
  externalId: string;
  host: string;
  startedAt: Date;
  endedAt: Date;
  projectPath: string | null;
  parentExternalId: string | null;
  title: string | null;
  tokensKnown: boolean;
  /** Models and request count named by tokenless activity (usage records carry their own). */
  activityModels: string[];
  activityRequestCount: number;
  endedByHook: boolean;
  updatedAt: Date;
}

export interface ReplicatedUsage {
  agentType: AgentType;
  dedupeKey: string;
  sessionId: string;
  rank: number;
  replayKey: string | null;
  isReplayCopy: boolean;
  occurredAt: Date;
  model: string | null;
  tokens: {
    input: bigint;
    output: bigint;
    cacheRead: bigint;
    cacheWrite5m: bigint;
    cacheWrite1h: bigint;
    reasoning: bigint;
  };
  speed: string | null;
  calculatedCostNanos: bigint;
  recordedCostNanos: bigint | null;
  autoCostNanos: bigint;
  priced: boolean;
  sourcePath: string | null;
  sourceLine: number | null;
  /** Requests the tokens sum (usage_records.request_count): 1, n, or null for an unknown number. */
  requestCount: number | null;
  /** Plan units the agent counted (Copilot): premium requests in millionths, AI credits in nano-AIU. */
  premiumRequestMicros: bigint | null;
  nanoAiu: bigint | null;
}

export interface ReplicationBatch {
  agents: ReplicatedAgent[];
  sessions: ReplicatedSession[];
  usage: ReplicatedUsage[];
  /** Where the next batch starts; null when the batch is empty. */
  next: ReplicationCursor | null;
}

/** Prices one stored record (the core DatedPriceBook, applied by the caller). */
export type UsageRepricer = (record: UsageRecordFacts) => RecordCost;

export interface RepriceOptions {
  /** Only records that are not one request (request_count other than 1): the upgrade to schema 6. */
  aggregatesOnly?: boolean;
}

export interface RepriceResult {
  recordsExamined: number;
  recordsRepriced: number;
  sessionsUpdated: number;
}

/** A stored usage record as pricing and the cost breakdown see it. */
export interface StoredUsageRecord extends UsageRecordFacts {
  calculatedCostNanos: bigint;
  recordedCostNanos: bigint | null;
  priced: boolean;
  /** Plan units the agent counted (Copilot): premium requests in millionths, AI credits in nano-AIU. */
  premiumRequestMicros: bigint | null;
  nanoAiu: bigint | null;
}

/** Which usage records `usage.totals` sums. */
export interface UsageTotalsQuery {
  /** Records whose instant lies in [from, to). */
  from?: Date;
  to?: Date;
  agentTypes?: AgentType[];
  hosts?: string[];
  agentNames?: string[];
  /** Substring of the owning session's project path, any case. */
  project?: string;
  /** Substring of the record's model name, any case. */
  model?: string;
}

export interface UsageBreakdownQuery {
  groupBy: 'agentType' | 'model';
  /** Records whose instant lies in [from, to). */
  from?: Date;
  to?: Date;
  agentTypes?: AgentType[];
  agentNames?: string[];
  hosts?: string[];
}

/** Also the plan units (Copilot's premium requests, AI credits) where the group's records carried any. */
export interface GroupedUsage extends UsageTotals, PlanUnitSums {
  /** The agent type or model; null for records without a model. */
  group: string | null;
}

/** Which usage records `usage.stream` yields. */
export interface UsageStreamFilter {
  /** Records whose instant lies in [from, to). */
  from?: Date;
  to?: Date;
  agentTypes?: AgentType[];
  agentNames?: string[];
  hosts?: string[];
  /** Substring of the owning session's project path. */
  project?: string;
  /** Only these sessions (store row ids). */
  sessionIds?: string[];
}

/** A report a team server sums itself: the filter, and core's period and day bounds (each bucket's start, then the last end). */
export interface ReportCellsQuery extends UsageSlotFilter {
  groupBy: ReportGroupBy | null;
  periodBounds: readonly Date[];
  dayBounds: readonly Date[];
}

/** Its sums per period × group × model, distinct sessions and local days per period × group and overall. */
export interface ReportCells {
  cells: ReportCell[];
  counts: ReportRowCounts[];
  totals: { sessionCount: number; activeDays: number };
}

/** Which usage records `usageSlots` sums (the project filter is the sessions' case-insensitive substring). */
export type UsageSlotFilter = Omit<UsageStreamFilter, 'sessionIds'>;

/** Which sessions `streamSessions` yields: any activity in [since, until). */
export interface SessionStreamFilter {
  since?: Date;
  until?: Date;
  agentTypes?: AgentType[];
  agentNames?: string[];
  hosts?: string[];
  project?: string;
}

/** A stored usage record with everything reports, exports and `sessions explain` show. */
export interface StreamedUsageRecord extends ReportUsageRecord {
  /** Row id (decimal text of a 64-bit integer). */
  id: string;
  dedupeKey: string;
  rank: number;
  replayKey: string | null;
  isReplayCopy: boolean;
  sessionExternalId: string;
  host: string;
  speed: 'standard' | 'fast' | null;
  /** The file the winning copy was read from, and its 1-based line. */
  sourcePath: string | null;
  sourceLine: number | null;
  /** Requests the tokens sum: 1 = one request, n > 1 or null (unknown) = an aggregate. */
  requestCount: number | null;
  /** Plan units the agent counted (Copilot): premium requests in millionths, AI credits in nano-AIU. */
  premiumRequestMicros: bigint | null;
  nanoAiu: bigint | null;
}
