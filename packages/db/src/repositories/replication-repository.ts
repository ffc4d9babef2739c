import { applyReplication, changesSince } from '../replication.js';
import type { SqlRunner } from '../sql-runner.js';
import type { ReplicationBatch, ReplicationCursor, ReplicationRepository } from '../store.js';

/** Team push: reads changed sessions with their usage and agents, and applies them elsewhere. */
export class SqlReplicationRepository implements ReplicationRepository {
  constructor(
    private readonly sql: SqlRunner,
    private readonly now: () => Date,
  ) {}

  changesSince(cursor: ReplicationCursor | null, limit: number) {
    return changesSince(this.sql, cursor, limit);
  }

  apply(batch: ReplicationBatch) {
    return applyReplication(this.sql, batch, this.now);
  }
}
