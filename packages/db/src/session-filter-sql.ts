import { emptySql, inListSql, joinSql, sql, type Sql } from './sql.js';
import type { SessionFilter, StoreDialect } from './store.js';

/** LIKE pattern matching `text` literally (with `ESCAPE '\'`): `\`, `%` and `_` escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * WHERE clause over `sessions s JOIN agents a` for every filter of SessionFilter, combined
 * with AND. Raw SQL because the project filter must escape LIKE wildcards (Prisma's
 * `contains` does not) and match case-insensitively on both dialects (ILIKE on PostgreSQL;
 * SQLite's LIKE already ignores ASCII case).
 */
export function sessionFilterSql(filter: SessionFilter, dialect: StoreDialect): Sql {
  const conds: Sql[] = [];
  // Active = recent last activity and no hook reported the end (design §3).
  if (filter.activeSince !== undefined) conds.push(sql`s.ended_at >= ${filter.activeSince} AND s.ended_by_hook = ${false}`);
  if (filter.agentTypes !== undefined) conds.push(inListSql(sql`s.agent_type`, filter.agentTypes));
  if (filter.agentNames !== undefined) conds.push(inListSql(sql`a.name`, filter.agentNames));
  if (filter.hosts !== undefined) conds.push(inListSql(sql`s.host`, filter.hosts));
  if (filter.project !== undefined && filter.project !== '') {
    const pattern = `%${escapeLike(filter.project)}%`;
    conds.push(
      dialect === 'postgres'
        ? sql`s.project_path ILIKE ${pattern} ESCAPE '\\'`
        : sql`s.project_path LIKE ${pattern} ESCAPE '\\'`,
    );
  }
  if (filter.since !== undefined) conds.push(sql`s.ended_at >= ${filter.since}`);
  if (filter.until !== undefined) conds.push(sql`s.started_at <= ${filter.until}`);
  return conds.length === 0 ? emptySql : sql`WHERE ${joinSql(conds, ' AND ')}`;
}
