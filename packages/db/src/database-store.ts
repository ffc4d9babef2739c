import { ingestBatch, ingestBatches } from './ingest.js';
import { SqlAgentRepository } from './repositories/agent-repository.js';
import { SqlBudgetRepository } from './repositories/budget-repository.js';
import { SqlMetaRepository } from './repositories/meta-repository.js';
import { SqlPriceRepository } from './repositories/price-repository.js';
import { SqlReplicationRepository } from './repositories/replication-repository.js';
import { SqlSessionRepository } from './repositories/session-repository.js';
import { SqlSourceRepository } from './repositories/source-repository.js';
import { SqlUsageRepository } from './repositories/usage-repository.js';
import type { SqlRunner } from './sql-runner.js';
import type { IngestBatch, SessionStore, StoreDialect } from './store.js';

/** How the store reaches its database: one connection, plain SQL through the runner. */
export interface StoreConnection {
  dialect: StoreDialect;
  /** Where the store lives, safe to print. */
  location: string;
  sql: SqlRunner;
  close(): Promise<void>;
}

/**
 * The SessionStore of either dialect: a repository per table over the connection's one runner
 * (plain SQL, no ORM model query on any path). One instance per open store.
 */
export class DatabaseSessionStore implements SessionStore {
  readonly dialect: StoreDialect;
  readonly location: string;
  readonly sessions: SqlSessionRepository;
  readonly usage: SqlUsageRepository;
  readonly sources: SqlSourceRepository;
  readonly prices: SqlPriceRepository;
  readonly agents: SqlAgentRepository;
  readonly meta: SqlMetaRepository;
  readonly replication: SqlReplicationRepository;
  readonly budgets: SqlBudgetRepository;
  private readonly sql: SqlRunner;
  private closed = false;

  constructor(
    private readonly connection: StoreConnection,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dialect = connection.dialect;
    this.location = connection.location;
    this.sql = connection.sql;
    this.sessions = new SqlSessionRepository(this.sql, now);
    this.usage = new SqlUsageRepository(this.sql, now);
    this.sources = new SqlSourceRepository(this.sql);
    this.prices = new SqlPriceRepository(this.sql, now);
    this.agents = new SqlAgentRepository(this.sql);
    this.meta = new SqlMetaRepository(this.sql);
    this.replication = new SqlReplicationRepository(this.sql, now);
    this.budgets = new SqlBudgetRepository(this.sql, now);
  }

  ingest(batch: IngestBatch) {
    return ingestBatch(this.sql, batch, this.now);
  }

  ingestMany(batches: readonly IngestBatch[]) {
    return ingestBatches(this.sql, batches, this.now);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.connection.close();
  }
}
