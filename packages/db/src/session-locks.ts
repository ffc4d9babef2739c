import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';

/**
 * PostgreSQL runs transactions concurrently (SQLite's BEGIN IMMEDIATE already serialises
 * writers): two writers of one session — a watcher and a CLI, a sync and a reprice, or two
 * machines pushing — would both create it, or roll it up from each other's uncommitted records.
 * A transaction-scoped advisory lock per session serialises them; every writer takes the locks
 * in id order, so none deadlocks. One statement: unnest yields the array in order, and each
 * row's lock is taken as the row is produced.
 */
export async function lockSessions(tx: SqlRunner, ids: Iterable<string>): Promise<void> {
  if (tx.dialect !== 'postgres') return;
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(l.id, 0)) FROM unnest(${sorted}::text[]) AS l(id)`,
  );
}
