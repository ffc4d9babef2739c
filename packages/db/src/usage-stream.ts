import { InternalError } from '@rimuru/core';
import type { AgentType } from '@rimuru/core';
import { escapeLike } from './session-filter-sql.js';
import { chunk, emptySql, inListSql, joinSql, sql, type Sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';
import { rawStringOrNull } from './raw-values.js';
import { rawToStreamedUsage, streamedUsageColumns, type SessionFacts } from './usage-rows.js';
import type { StoreDialect, StreamedUsageRecord, UsageStreamFilter } from './store.js';

/** Rows per round trip: large enough to amortise latency, small enough to keep memory flat. */
export const DEFAULT_STREAM_PAGE_SIZE = 2_000;

/** WHERE conditions on usage_records `u` joined to sessions `s` and agents `a` for a stream filter. */
function filterConds(filter: UsageStreamFilter, dialect: StoreDialect): Sql[] {
  const conds: Sql[] = [];
  if (filter.from !== undefined) conds.push(sql`u.occurred_at >= ${filter.from}`);
  if (filter.to !== undefined) conds.push(sql`u.occurred_at < ${filter.to}`);
  if (filter.agentTypes !== undefined) conds.push(inListSql(sql`u.agent_type`, filter.agentTypes));
  if (filter.sessionIds !== undefined)
    conds.push(
      inListSql(
        sql`u.session_id`,
        filter.sessionIds.map((id) => id.toLowerCase()),
      ),
    );
  if (filter.hosts !== undefined) conds.push(inListSql(sql`s.host`, filter.hosts));
  if (filter.agentNames !== undefined) conds.push(inListSql(sql`a.name`, filter.agentNames));
  if (filter.project !== undefined && filter.project !== '') {
    // The same project match as the session filters (session-filter-sql.ts): literal, any case.
    const pattern = `%${escapeLike(filter.project)}%`;
    conds.push(
      dialect === 'postgres'
        ? sql`s.project_path ILIKE ${pattern} ESCAPE '\\'`
        : sql`s.project_path LIKE ${pattern} ESCAPE '\\'`,
    );
  }
  return conds;
}

function whereSql(conds: readonly Sql[]): Sql {
  return conds.length === 0 ? emptySql : sql`WHERE ${joinSql([...conds], ' AND ')}`;
}

/** Keys or ids per IN list: well under both dialects' bound-parameter limits. */
const LOOKUP_CHUNK = 500;

/** Sessions kept looked up at most; a stream walks them roughly in time order, so few are live at once. */
const SESSION_CACHE_LIMIT = 10_000;

/** The facts of the sessions that own `rows`, looked up once per session (not joined per record). */
export class SessionFactsCache {
  private readonly facts = new Map<string, SessionFacts>();

  constructor(
    private readonly db: SqlRunner,
    private readonly limit = SESSION_CACHE_LIMIT,
  ) {}

  async load(rows: readonly RawRow[]): Promise<void> {
    const ids = new Set(rows.map((row) => String(row.session_id)));
    let missing = [...ids].filter((id) => !this.facts.has(id));
    if (missing.length === 0) return;
    if (this.facts.size + missing.length > this.limit) {
      // Start afresh, and look up every session of this page: the ones cached a moment ago
      // are gone too.
      this.facts.clear();
      missing = [...ids];
    }
    for (const part of chunk(missing, LOOKUP_CHUNK)) {
      const found = await this.db.query(
        sql`SELECT id, external_id, project_path, host FROM sessions WHERE ${inListSql(sql`id`, part)}`,
      );
      for (const s of found) {
        this.facts.set(String(s.id), {
          externalId: String(s.external_id),
          projectPath: rawStringOrNull(s.project_path),
          host: String(s.host),
        });
      }
    }
  }

  /** The facts of a loaded row's session. */
  factsOf(row: RawRow): SessionFacts | undefined {
    return this.facts.get(String(row.session_id));
  }

  map(rows: readonly RawRow[]): StreamedUsageRecord[] {
    return rows.map((row) => {
      const facts = this.factsOf(row);
      // Every row's session exists (a foreign key) and load() looked it up.
      if (facts === undefined)
        throw new InternalError(
          `usage record ${String(row.id)} names session ${String(row.session_id)}, which was not loaded`,
        );
      return rawToStreamedUsage(row, facts);
    });
  }
}

/**
 * Usage records whose instant lies in [from, to), oldest first (then by row id), fetched page
 * by page with keyset pagination on (occurred_at, id): each page is an index range scan that
 * starts after the last row seen, so memory stays flat and late pages cost what early ones do
 * (OFFSET would rescan everything before the page).
 */
export async function* streamUsageRecords(
  db: SqlRunner,
  filter: UsageStreamFilter,
  pageSize = DEFAULT_STREAM_PAGE_SIZE,
): AsyncGenerator<StreamedUsageRecord> {
  const base = filterConds(filter, db.dialect);
  // Sessions (and agents) are joined only to filter on them.
  const joins =
    filter.agentNames !== undefined
      ? sql`JOIN sessions s ON s.id = u.session_id JOIN agents a ON a.id = s.agent_id`
      : filter.hosts !== undefined || (filter.project !== undefined && filter.project !== '')
        ? sql`JOIN sessions s ON s.id = u.session_id`
        : emptySql;
  const sessions = new SessionFactsCache(db);
  // The last row's instant as the driver gave it: compared in the column's own representation.
  let after: { occurredAt: unknown; id: unknown } | null = null;
  for (;;) {
    // `>=` first so the occurred_at index starts the range at the last row (an OR alone makes
    // SQLite scan from the first record on every page: quadratic).
    const keyset =
      after === null
        ? []
        : [sql`u.occurred_at >= ${after.occurredAt}`, sql`(u.occurred_at > ${after.occurredAt} OR u.id > ${after.id})`];
    const rows: RawRow[] = await db.query(sql`SELECT ${streamedUsageColumns(db.dialect)}
      FROM usage_records u ${joins} ${whereSql([...base, ...keyset])}
      ORDER BY u.occurred_at, u.id LIMIT ${pageSize}`);
    await sessions.load(rows);
    yield* sessions.map(rows);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { occurredAt: last.occurred_at, id: last.id };
  }
}

/**
 * The stored copies of the given dedupe keys, and the non-replay originals of the given replay
 * keys, of one agent type: what `sessions explain` compares re-read copies against.
 */
export async function findUsageRecords(
  db: SqlRunner,
  agentType: AgentType,
  keys: { dedupeKeys?: readonly string[]; replayKeys?: readonly string[] },
): Promise<StreamedUsageRecord[]> {
  const byId = new Map<string, StreamedUsageRecord>();
  const sessions = new SessionFactsCache(db);
  const add = async (rows: RawRow[]) => {
    await sessions.load(rows);
    for (const r of sessions.map(rows)) byId.set(r.id, r);
  };
  for (const part of chunk([...new Set(keys.dedupeKeys ?? [])], LOOKUP_CHUNK)) {
    await add(
      await db.query(sql`SELECT ${streamedUsageColumns(db.dialect)} FROM usage_records u
      WHERE u.agent_type = ${agentType} AND ${inListSql(sql`u.dedupe_key`, part)}`),
    );
  }
  for (const part of chunk([...new Set(keys.replayKeys ?? [])], LOOKUP_CHUNK)) {
    await add(
      await db.query(sql`SELECT ${streamedUsageColumns(db.dialect)} FROM usage_records u
      WHERE u.agent_type = ${agentType} AND u.is_replay_copy = ${false} AND ${inListSql(sql`u.replay_key`, part)}`),
    );
  }
  return [...byId.values()].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || Number(BigInt(a.id) - BigInt(b.id)),
  );
}
