import { rawInt } from './raw-values.js';
import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';
import type { SourceDiagnosticCount } from './store.js';

/** Tracked sources and summed diagnostic counts per agent type, by type. */
export async function diagnosticCountsByAgent(db: SqlRunner): Promise<SourceDiagnosticCount[]> {
  const rows =
    await db.query(sql`SELECT agent_type, COUNT(*) AS sources, CAST(COALESCE(SUM(diagnostic_count), 0) AS BIGINT) AS diagnostics
    FROM source_files GROUP BY agent_type ORDER BY agent_type`);
  return rows.map((r) => ({
    agentType: String(r.agent_type),
    sources: rawInt(r.sources),
    diagnostics: rawInt(r.diagnostics),
  }));
}
