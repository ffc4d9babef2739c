import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';

/** The schema that added usage_records.request_count (migration 0006). */
export const REQUEST_COUNT_SCHEMA = 6;

/**
 * Meta key of the reprice that schema 6 asks for: 'pending' until sync's price loader has
 * repriced every record that is not one request (then 'done').
 */
export const REPRICE_AGGREGATES_META_KEY = 'reprice.aggregates';

/**
 * What migration 0006 does to records older versions wrote, for rows that arrive another way
 * (an export written before schema 6): marks the records that sum several requests (their
 * count was not kept, so NULL) and asks for the reprice. The same WHERE as the migration.
 */
export async function markLegacyAggregates(tx: SqlRunner): Promise<number> {
  const marked = await tx.execute(sql`UPDATE usage_records SET request_count = NULL
    WHERE (agent_type = 'copilot' AND dedupe_key NOT LIKE 'otel:%')
      OR agent_type IN ('droid', 'grok')
      OR (agent_type = 'hermes' AND dedupe_key LIKE 'state:%')
      OR (agent_type = 'goose' AND dedupe_key LIKE '%:session')
      OR (agent_type IN ('cline', 'roo-code', 'kilo-code')
        AND (dedupe_key LIKE '%:deleted!_api!_reqs:%' ESCAPE '!' OR dedupe_key LIKE '%:subagent!_usage:%' ESCAPE '!'))`);
  await tx.execute(sql`INSERT INTO meta (key, value) VALUES (${REPRICE_AGGREGATES_META_KEY}, 'pending')
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  return marked;
}
