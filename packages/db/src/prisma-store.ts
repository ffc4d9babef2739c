import type { AgentType } from '@rimuru/core';
import { getCheckpoint, listCheckpoints } from './checkpoints.js';
import type { DbClient } from './db-client.js';
import { ingestBatch } from './ingest.js';
import { listAgents } from './agent-queries.js';
import { countSessions, findSessions, listSessions } from './session-queries.js';
import type { IngestBatch, SessionFilter, SessionStore, StoreDialect } from './store.js';
import { sessionUsageByModel, usageTotals } from './usage-queries.js';

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
    return ingestBatch(this.db, this.dialect, batch, this.now());
  }

  listSessions(filter: SessionFilter) {
    return listSessions(this.db, this.dialect, filter);
  }

  countSessions(filter: SessionFilter) {
    return countSessions(this.db, this.dialect, filter);
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

  listAgents() {
    return listAgents(this.db);
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
