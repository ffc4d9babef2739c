import type { AgentType, DatedPriceRow } from '@rimuru/core';
import { listAgents } from './agent-queries.js';
import { getCheckpoint, listCheckpoints } from './checkpoints.js';
import type { DbClient } from './db-client.js';
import { markSessionByHook } from './hook-session.js';
import { ingestBatch, ingestBatches } from './ingest.js';
import { getMeta, setMeta } from './meta.js';
import { listModelPrices, writeModelPrices } from './price-rows.js';
import { applyReplication, changesSince } from './replication.js';
import { sessionCounts } from './session-counts.js';
import { countSearchedSessions, pageSessions } from './session-page-queries.js';
import { countSessions, findSessions, listSessions } from './session-queries.js';
import { sessionUsageRecords } from './session-records.js';
import { streamSessions } from './session-stream.js';
import { diagnosticCountsByAgent } from './source-diagnostics.js';
import type { SqlRunner } from './sql-runner.js';
import type {
  HookMark,
  IngestBatch,
  ReplicationBatch,
  ReplicationCursor,
  SessionFilter,
  SessionPageQuery,
  SessionSearchQuery,
  SessionStore,
  SessionStreamFilter,
  StoreDialect,
  UsageBreakdownQuery,
  UsageRepricer,
  UsageStreamFilter,
} from './store.js';
import { usageBreakdown } from './usage-breakdown.js';
import { sessionUsageByModel, usageTotals } from './usage-queries.js';
import { repriceUsage } from './usage-reprice.js';
import { findUsageRecords, streamUsageRecords } from './usage-stream.js';

/** How the store reaches its database: plain SQL always, the ORM client only when a method needs it. */
export interface StoreConnection {
  dialect: StoreDialect;
  /** Where the store lives, safe to print. */
  location: string;
  sql: SqlRunner;
  /** The ORM client, opened on first use (an embedded store's reads and syncs never need it). */
  orm(): Promise<DbClient>;
  close(): Promise<void>;
}

/**
 * The SessionStore of either dialect. Ingest, checkpoints, session and usage reads run plain
 * SQL through the runner; rarer maintenance paths (replication, exports, repricing, hooks)
 * use the ORM. One instance per open store.
 */
export class DatabaseSessionStore implements SessionStore {
  readonly dialect: StoreDialect;
  readonly location: string;
  private readonly sql: SqlRunner;

  constructor(
    private readonly connection: StoreConnection,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dialect = connection.dialect;
    this.location = connection.location;
    this.sql = connection.sql;
  }

  private orm(): Promise<DbClient> {
    return this.connection.orm();
  }

  getCheckpoint(agentType: AgentType, path: string) {
    return getCheckpoint(this.sql, agentType, path);
  }

  listCheckpoints(agentType?: AgentType) {
    return listCheckpoints(this.sql, agentType);
  }

  ingest(batch: IngestBatch) {
    return ingestBatch(this.sql, batch, this.now);
  }

  ingestMany(batches: readonly IngestBatch[]) {
    return ingestBatches(this.sql, batches, this.now);
  }

  listSessions(filter: SessionFilter) {
    return listSessions(this.sql, filter);
  }

  countSessions(filter: SessionFilter) {
    return countSessions(this.sql, filter);
  }

  sessionCounts(filter: SessionFilter, activeSince: Date) {
    return sessionCounts(this.sql, filter, activeSince);
  }

  pageSessions(query: SessionPageQuery) {
    return pageSessions(this.sql, query);
  }

  countSearchedSessions(query: SessionSearchQuery) {
    return countSearchedSessions(this.sql, query);
  }

  findSessions(idOrPrefix: string, limit?: number) {
    return findSessions(this.sql, idOrPrefix, limit);
  }

  sessionUsageByModel(sessionId: string) {
    return sessionUsageByModel(this.sql, sessionId);
  }

  usageTotals(range: { from?: Date; to?: Date; agentTypes?: AgentType[]; hosts?: string[] }) {
    return usageTotals(this.sql, range);
  }

  usageBreakdown(query: UsageBreakdownQuery) {
    return usageBreakdown(this.sql, query);
  }

  async sessionUsageRecords(sessionId: string) {
    return sessionUsageRecords(await this.orm(), sessionId);
  }

  listModelPrices() {
    return listModelPrices(this.sql);
  }

  writeModelPrices(rows: readonly DatedPriceRow[], mode: 'replace' | 'keep') {
    return writeModelPrices(this.sql, rows, mode, this.now());
  }

  async repriceUsage(price: UsageRepricer, models?: readonly string[]) {
    return repriceUsage(await this.orm(), this.dialect, price, models, this.now());
  }

  async listAgents() {
    return listAgents(await this.orm());
  }

  async diagnosticCountsByAgent() {
    return diagnosticCountsByAgent(await this.orm());
  }

  async markSessionByHook(mark: HookMark) {
    return markSessionByHook(await this.orm(), this.dialect, mark, this.now);
  }

  async changesSince(cursor: ReplicationCursor | null, limit: number) {
    return changesSince(await this.orm(), cursor, limit);
  }

  async applyReplication(batch: ReplicationBatch) {
    return applyReplication(await this.orm(), this.dialect, batch, this.now);
  }

  streamUsage(filter: UsageStreamFilter, options: { pageSize?: number } = {}) {
    return this.streamWithOrm((db) => streamUsageRecords(db, filter, options.pageSize));
  }

  streamSessions(filter: SessionStreamFilter, options: { pageSize?: number } = {}) {
    return streamSessions(this.sql, filter, options.pageSize);
  }

  private async *streamWithOrm<T>(open: (db: DbClient) => AsyncIterable<T>): AsyncIterable<T> {
    yield* open(await this.orm());
  }

  async findUsageRecords(agentType: AgentType, keys: { dedupeKeys?: readonly string[]; replayKeys?: readonly string[] }) {
    return findUsageRecords(await this.orm(), agentType, keys);
  }

  getMeta(key: string): Promise<string | null> {
    return getMeta(this.sql, key);
  }

  setMeta(key: string, value: string): Promise<void> {
    return setMeta(this.sql, key, value);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.connection.close();
  }
}
