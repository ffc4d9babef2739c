import { emptySql, inListSql, joinSql, sql, type Sql } from './sql.js';
import type { SessionFilter, StoreDialect } from './store.js';

/** LIKE pattern matching `text` literally (with `ESCAPE '\'`): `\`, `%` and `_` escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Core's active rule (sessionStatus / activeSince) in SQL over `sessions s`: last activity at
 * or after `since` and no hook-reported end. Every query that splits active from completed
 * uses this one fragment or its complement.
 */
export function activeSql(since: Date): Sql {
  return sql`(s.ended_at >= ${since} AND s.ended_by_hook = ${false})`;
}

/** The complement of activeSql: completed sessions. */
export function completedSql(since: Date): Sql {
  return sql`(s.ended_at < ${since} OR s.ended_by_hook = ${true})`;
}

/**
 * WHERE clause over `sessions s JOIN agents a` for every filter of SessionFilter, combined
 * with AND. Raw SQL because the project filter must escape LIKE wildcards (Prisma's
 * `contains` does not) and match case-insensitively on both dialects (ILIKE on PostgreSQL;
 * SQLite's LIKE already ignores ASCII case).
 */
export function sessionFilterSql(filter: SessionFilter, dialect: StoreDialect): Sql {
  const conds: Sql[] = [];
  if (filter.activeSince !== undefined) conds.push(activeSql(filter.activeSince));
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
