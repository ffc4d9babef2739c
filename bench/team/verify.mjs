import { createRequire } from 'node:module';
import { withClient } from './postgres.mjs';

const Database = createRequire(new URL('../../packages/test-utils/package.json', import.meta.url))('libsql');

/** Sessions and usage records a machine's store holds (read-only). */
export function localCounts(path) {
  const db = new Database(path, { readonly: true });
  try {
    const row = db
      .prepare('SELECT (SELECT COUNT(*) FROM sessions) AS sessions, (SELECT COUNT(*) FROM usage_records) AS records')
      .get();
    return { sessions: Number(row.sessions), records: Number(row.records) };
  } finally {
    db.close();
  }
}

/** Sessions and usage records per host on the team server, and the deadlocks its statistics counted. */
export async function serverCounts(url) {
  return withClient(url, async (c) => {
    const sessions = await c.query('SELECT host, COUNT(*)::int AS n FROM sessions GROUP BY host');
    const records = await c.query(
      'SELECT s.host, COUNT(*)::int AS n FROM usage_records u JOIN sessions s ON s.id = u.session_id GROUP BY s.host',
    );
    const stats = await c.query(
      'SELECT deadlocks::int AS deadlocks FROM pg_stat_database WHERE datname = current_database()',
    );
    const byHost = new Map();
    for (const r of sessions.rows) byHost.set(r.host, { sessions: r.n, records: 0 });
    for (const r of records.rows) byHost.set(r.host, { ...(byHost.get(r.host) ?? { sessions: 0 }), records: r.n });
    return { byHost, deadlocks: stats.rows[0]?.deadlocks ?? 0 };
  });
}

/**
 * Every machine's sessions and records are on the server exactly once: per host, the server
 * holds what the machine's store holds (a duplicate or a lost row changes a count).
 */
export function compareCounts(expected, server) {
  const mismatches = [];
  for (const [host, want] of expected) {
    const got = server.byHost.get(host) ?? { sessions: 0, records: 0 };
    if (got.sessions !== want.sessions || got.records !== want.records) mismatches.push({ host, want, got });
  }
  for (const host of server.byHost.keys())
    if (!expected.has(host)) mismatches.push({ host, want: null, got: server.byHost.get(host) });
  return mismatches;
}

/** Rows and on-disk size of the team tables. */
export async function serverSizes(url) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT c.relname AS name, c.reltuples::bigint AS rows,
        pg_total_relation_size(c.oid) AS bytes, pg_indexes_size(c.oid) AS index_bytes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY pg_total_relation_size(c.oid) DESC`);
    return rows.map((r) => ({
      name: r.name,
      rows: Number(r.rows),
      mib: Math.round(Number(r.bytes) / 2 ** 20),
      indexMib: Math.round(Number(r.index_bytes) / 2 ** 20),
    }));
  });
}
