import type { AgentType, DatedPriceRow } from '@rimuru/core';
import { listAgents } from './agent-queries.js';
import { getCheckpoint, listCheckpoints } from './checkpoints.js';
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
  UsageSlotFilter,
  UsageStreamFilter,
} from './store.js';
import { usageBreakdown } from './usage-breakdown.js';
import { sessionUsageByModel, usageTotals } from './usage-queries.js';
import { repriceUsage } from './usage-reprice.js';
import { usageSlots } from './usage-slots.js';
import { findUsageRecords, streamUsageRecords } from './usage-stream.js';

/** How the store reaches its database: one connection, plain SQL through the runner. */
export interface StoreConnection {
  dialect: StoreDialect;
  /** Where the store lives, safe to print. */
  location: string;
  sql: SqlRunner;
  close(): Promise<void>;
}

/**
 * The SessionStore of either dialect: every method runs plain SQL through the connection's
 * runner (no ORM model query on any path). One instance per open store.
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

  sessionUsageRecords(sessionId: string) {
    return sessionUsageRecords(this.sql, sessionId);
  }

  listModelPrices() {
    return listModelPrices(this.sql);
  }

  writeModelPrices(rows: readonly DatedPriceRow[], mode: 'replace' | 'keep') {
    return writeModelPrices(this.sql, rows, mode, this.now());
  }

  repriceUsage(price: UsageRepricer, models?: readonly string[]) {
    return repriceUsage(this.sql, price, models, this.now());
  }

  listAgents() {
    return listAgents(this.sql);
  }

  diagnosticCountsByAgent() {
    return diagnosticCountsByAgent(this.sql);
  }

  markSessionByHook(mark: HookMark) {
    return markSessionByHook(this.sql, mark, this.now);
  }

  changesSince(cursor: ReplicationCursor | null, limit: number) {
    return changesSince(this.sql, cursor, limit);
  }

  applyReplication(batch: ReplicationBatch) {
    return applyReplication(this.sql, batch, this.now);
  }

  streamUsage(filter: UsageStreamFilter, options: { pageSize?: number } = {}) {
    return streamUsageRecords(this.sql, filter, options.pageSize);
  }

  usageSlots(filter: UsageSlotFilter) {
    return usageSlots(this.sql, filter);
  }

  streamSessions(filter: SessionStreamFilter, options: { pageSize?: number } = {}) {
    return streamSessions(this.sql, filter, options.pageSize);
  }

  findUsageRecords(agentType: AgentType, keys: { dedupeKeys?: readonly string[]; replayKeys?: readonly string[] }) {
    return findUsageRecords(this.sql, agentType, keys);
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
