import type { AgentType } from '@rimuru/core';
import { getCheckpoint, listCheckpoints } from './checkpoints.js';
import type { DbClient } from './db-client.js';
import { ingestBatch } from './ingest.js';
import { markSessionByHook } from './hook-session.js';
import { applyReplication, changesSince } from './replication.js';
import type { HookMark, ReplicationBatch, ReplicationCursor } from './store.js';
import { listAgents } from './agent-queries.js';
import { diagnosticCountsByAgent } from './source-diagnostics.js';
import { countSessions, findSessions, listSessions } from './session-queries.js';
import { sessionCounts } from './session-counts.js';
import { countSearchedSessions, pageSessions } from './session-page-queries.js';
import type { IngestBatch, SessionFilter, SessionPageQuery, SessionSearchQuery, SessionStore, StoreDialect } from './store.js';
import { sessionUsageByModel, usageTotals } from './usage-queries.js';
import type { DatedPriceRow } from '@rimuru/core';
import { listModelPrices, writeModelPrices } from './price-rows.js';
import { sessionUsageRecords } from './session-records.js';
import { usageBreakdown } from './usage-breakdown.js';
import { repriceUsage } from './usage-reprice.js';
import type { UsageBreakdownQuery, UsageRepricer } from './store.js';
import { findUsageRecords, streamUsageRecords } from './usage-stream.js';
import { streamSessions } from './session-stream.js';
import type { SessionStreamFilter, UsageStreamFilter } from './store.js';

/** The SessionStore over a Prisma client of either dialect. One instance per open store. */
export class PrismaSessionStore implements SessionStore {
  constructor(
    readonly dialect: StoreDialect,
    readonly location: string,
    private readonly db: DbClient,
    private readonly release: () => Promise<void>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  getCheckpoint(agentType: AgentType, path: string) {
    return getCheckpoint(this.db, agentType, path);
  }

  listCheckpoints(agentType?: AgentType) {
    return listCheckpoints(this.db, agentType);
  }

  ingest(batch: IngestBatch) {
    return ingestBatch(this.db, this.dialect, batch, this.now);
  }

  listSessions(filter: SessionFilter) {
    return listSessions(this.db, this.dialect, filter);
  }

  countSessions(filter: SessionFilter) {
    return countSessions(this.db, this.dialect, filter);
  }

  sessionCounts(filter: SessionFilter, activeSince: Date) {
    return sessionCounts(this.db, this.dialect, filter, activeSince);
  }

  pageSessions(query: SessionPageQuery) {
    return pageSessions(this.db, this.dialect, query);
  }

  countSearchedSessions(query: SessionSearchQuery) {
    return countSearchedSessions(this.db, this.dialect, query);
  }

  findSessions(idOrPrefix: string, limit?: number) {
    return findSessions(this.db, idOrPrefix, limit);
  }

  sessionUsageByModel(sessionId: string) {
    return sessionUsageByModel(this.db, sessionId);
  }

  usageTotals(range: { from?: Date; to?: Date; agentTypes?: AgentType[]; hosts?: string[] }) {
    return usageTotals(this.db, range);
  }

  usageBreakdown(query: UsageBreakdownQuery) {
    return usageBreakdown(this.db, query);
  }

  sessionUsageRecords(sessionId: string) {
    return sessionUsageRecords(this.db, sessionId);
  }

  listModelPrices() {
    return listModelPrices(this.db);
  }

  writeModelPrices(rows: readonly DatedPriceRow[], mode: 'replace' | 'keep') {
    return writeModelPrices(this.db, rows, mode, this.now());
  }

  repriceUsage(price: UsageRepricer, models?: readonly string[]) {
    return repriceUsage(this.db, this.dialect, price, models, this.now());
  }

  listAgents() {
    return listAgents(this.db);
  }

  diagnosticCountsByAgent() {
    return diagnosticCountsByAgent(this.db);
  }

  markSessionByHook(mark: HookMark) {
    return markSessionByHook(this.db, this.dialect, mark, this.now);
  }

  changesSince(cursor: ReplicationCursor | null, limit: number) {
    return changesSince(this.db, cursor, limit);
  }

  applyReplication(batch: ReplicationBatch) {
    return applyReplication(this.db, this.dialect, batch, this.now);
  }

  streamUsage(filter: UsageStreamFilter, options: { pageSize?: number } = {}) {
    return streamUsageRecords(this.db, filter, options.pageSize);
  }

  streamSessions(filter: SessionStreamFilter, options: { pageSize?: number } = {}) {
    return streamSessions(this.db, filter, options.pageSize);
  }

  findUsageRecords(agentType: AgentType, keys: { dedupeKeys?: readonly string[]; replayKeys?: readonly string[] }) {
    return findUsageRecords(this.db, agentType, keys);
  }

  async getMeta(key: string): Promise<string | null> {
    const row = await this.db.meta.findUnique({ where: { key } });
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.meta.upsert({ where: { key }, create: { key, value }, update: { value } });
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.release();
  }
}
