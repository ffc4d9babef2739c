import type { DbClient } from './db-client.js';
import type { SourceDiagnosticCount } from './store.js';

/** Tracked sources and summed diagnostic counts per agent type, by type. */
export async function diagnosticCountsByAgent(db: DbClient): Promise<SourceDiagnosticCount[]> {
  const groups = await db.sourceFile.groupBy({
    by: ['agentType'],
    _count: { _all: true },
    _sum: { diagnosticCount: true },
    orderBy: { agentType: 'asc' },
  });
  return groups.map((g) => ({ agentType: g.agentType, sources: g._count._all, diagnostics: g._sum.diagnosticCount ?? 0 }));
}
