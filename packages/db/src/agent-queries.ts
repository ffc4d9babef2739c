import type { DbClient } from './db-client.js';
import type { AgentRow } from './store.js';

/** Every agent row with its session count and last activity, by type, name, host. */
export async function listAgents(db: DbClient): Promise<AgentRow[]> {
  const agents = await db.agent.findMany({
    include: { _count: { select: { sessions: true } } },
    orderBy: [{ type: 'asc' }, { name: 'asc' }, { host: 'asc' }],
  });
  const last = await db.session.groupBy({ by: ['agentId'], _max: { endedAt: true } });
  const lastByAgent = new Map(last.map((l) => [l.agentId, l._max.endedAt ?? null]));
  return agents.map((a) => ({
    id: a.id,
    type: a.type,
    name: a.name,
    host: a.host,
    sessionCount: a._count.sessions,
    lastActivityAt: lastByAgent.get(a.id) ?? null,
  }));
}
