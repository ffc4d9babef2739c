import { SUMMED_TOKEN_COLUMNS, tokensFrom } from './token-columns.js';
import { addPlanUnits, addTokens, type AgentType, type PlanUnitSums } from '@rimuru/core';
import { rawBigIntOrNull, rawBool, rawInt, rawStringOrNull } from './raw-values.js';
import { escapeLike } from './session-filter-sql.js';
import { isUuid } from './session-queries.js';
import { emptySql, inListSql, joinSql, sql, type Sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';
import { summaryAnswers, summaryGroups } from './usage-summary.js';
import type { ModelUsage, StoreDialect, UsageTotals, UsageTotalsQuery } from './store.js';

/**
 * The count and sums every usage aggregate selects, over usage_records `u`. CAST(… AS BIGINT)
 * keeps money exact on PostgreSQL (SUM(bigint) is numeric there) and is a no-op on SQLite.
 */
export const USAGE_SUMS = sql`COUNT(*) AS n,
  CAST(SUM(u.input_tokens) AS BIGINT) AS input, CAST(SUM(u.output_tokens) AS BIGINT) AS output,
  CAST(SUM(u.cache_read_tokens) AS BIGINT) AS cache_read, CAST(SUM(u.cache_write_5m_tokens) AS BIGINT) AS cache_write_5m,
  CAST(SUM(u.cache_write_1h_tokens) AS BIGINT) AS cache_write_1h, CAST(SUM(u.reasoning_tokens) AS BIGINT) AS reasoning,
  CAST(SUM(u.calculated_cost_nanos) AS BIGINT) AS calculated, CAST(SUM(u.recorded_cost_nanos) AS BIGINT) AS recorded,
  CAST(SUM(u.auto_cost_nanos) AS BIGINT) AS auto`;

/**
 * Plan units (Copilot's premium requests and AI credits) over usage_records `u`: NULL while no
 * record of the group carried any. Reports and cost breakdowns select them beside USAGE_SUMS;
 * session roll-ups keep none, so totals over whole sessions leave them out.
 */
export const PLAN_UNIT_SUMS = sql`CAST(SUM(u.premium_request_micros) AS BIGINT) AS premium_request_micros,
  CAST(SUM(u.nano_aiu) AS BIGINT) AS nano_aiu`;

/** Adds plan units selected as PLAN_UNIT_SUMS into running totals. */
export function addPlanUnitSums(into: PlanUnitSums, g: RawRow): void {
  addPlanUnits(into, {
    premiumRequestMicros: rawBigIntOrNull(g.premium_request_micros),
    nanoAiu: rawBigIntOrNull(g.nano_aiu),
  });
}

export interface UsageWhere {
  from?: Date;
  to?: Date;
  agentTypes?: readonly AgentType[];
  hosts?: readonly string[];
  agentNames?: readonly string[];
}

/** FROM + WHERE over usage records whose instant lies in [from, to), joined to what the filters name. */
export function usageFromSql(q: UsageWhere): Sql {
  const conds: Sql[] = [];
  if (q.from !== undefined) conds.push(sql`u.occurred_at >= ${q.from}`);
  if (q.to !== undefined) conds.push(sql`u.occurred_at < ${q.to}`);
  if (q.agentTypes !== undefined) conds.push(inListSql(sql`u.agent_type`, q.agentTypes));
  if (q.hosts !== undefined) conds.push(inListSql(sql`s.host`, q.hosts));
  if (q.agentNames !== undefined) conds.push(inListSql(sql`a.name`, q.agentNames));
  const joins =
    q.agentNames !== undefined
      ? sql`JOIN sessions s ON s.id = u.session_id JOIN agents a ON a.id = s.agent_id`
      : q.hosts !== undefined
        ? sql`JOIN sessions s ON s.id = u.session_id`
        : emptySql;
  return sql`FROM usage_records u ${joins} ${conds.length === 0 ? emptySql : sql`WHERE ${joinSql(conds, ' AND ')}`}`;
}

export function emptyTotals(): UsageTotals {
  return {
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
    requestCount: 0,
    calculatedCostNanos: 0n,
    autoCostNanos: 0n,
    recordedCostNanos: null,
    unpricedRequestCount: 0,
  };
}

/** Adds sums selected as USAGE_SUMS (or SESSION_SUMS) into running totals. */
function addSums(into: UsageTotals, g: RawRow, unpriced: number): void {
  into.tokens = addTokens(
    into.tokens,
    tokensFrom(g, SUMMED_TOKEN_COLUMNS, (cell) => Number(rawBigIntOrNull(cell) ?? 0n)),
  );
  into.requestCount += rawInt(g.n);
  into.unpricedRequestCount += unpriced;
  into.calculatedCostNanos += rawBigIntOrNull(g.calculated) ?? 0n;
  into.autoCostNanos += rawBigIntOrNull(g.auto) ?? 0n;
  const recorded = rawBigIntOrNull(g.recorded);
  if (recorded !== null) into.recordedCostNanos = (into.recordedCostNanos ?? 0n) + recorded;
}

/** Adds one grouped row (USAGE_SUMS plus `priced`) into running totals. */
export function addGroup(into: UsageTotals, g: RawRow): void {
  addSums(into, g, rawBool(g.priced) ? 0 : rawInt(g.n));
}

/**
 * The same sums over session roll-ups (sessions `s`): a session's roll-up is exactly the sum
 * of the usage records it owns, and `usage_count` their number.
 */
const SESSION_SUMS = sql`CAST(COALESCE(SUM(s.usage_count), 0) AS BIGINT) AS n,
  CAST(COALESCE(SUM(s.unpriced_request_count), 0) AS BIGINT) AS unpriced,
  CAST(SUM(s.total_input_tokens) AS BIGINT) AS input, CAST(SUM(s.total_output_tokens) AS BIGINT) AS output,
  CAST(SUM(s.cache_read_tokens) AS BIGINT) AS cache_read, CAST(SUM(s.cache_write_5m_tokens) AS BIGINT) AS cache_write_5m,
  CAST(SUM(s.cache_write_1h_tokens) AS BIGINT) AS cache_write_1h, CAST(SUM(s.reasoning_tokens) AS BIGINT) AS reasoning,
  CAST(SUM(s.calculated_cost_nanos) AS BIGINT) AS calculated, CAST(SUM(s.recorded_cost_nanos) AS BIGINT) AS recorded,
  CAST(SUM(s.auto_cost_nanos) AS BIGINT) AS auto`;

/** `column` contains `text` literally, in any case: the project rule of every session filter (sessionFilterSql). */
function containsSql(column: Sql, text: string, dialect: StoreDialect): Sql {
  const pattern = `%${escapeLike(text)}%`;
  return dialect === 'postgres'
    ? sql`${column} ILIKE ${pattern} ESCAPE '\\'`
    : sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** Conditions on sessions `s` (and agents `a`) for the filters other than time. */
function sessionFilterConds(q: UsageTotalsQuery, dialect: StoreDialect): Sql[] {
  const conds: Sql[] = [];
  if (q.agentTypes !== undefined) conds.push(inListSql(sql`s.agent_type`, q.agentTypes));
  if (q.hosts !== undefined) conds.push(inListSql(sql`s.host`, q.hosts));
  if (q.agentNames !== undefined) conds.push(inListSql(sql`a.name`, q.agentNames));
  if (q.project !== undefined && q.project !== '') conds.push(containsSql(sql`s.project_path`, q.project, dialect));
  return conds;
}

/**
 * Totals of a model filter: a session's roll-up mixes its models, so every record in the range
 * is summed (budgets per model read one period, not the whole history).
 */
async function modelTotals(
  db: SqlRunner,
  q: UsageTotalsQuery & { model: string },
  filters: Sql[],
  joinAgents: Sql,
): Promise<UsageTotals> {
  const conds: Sql[] = [containsSql(sql`u.model`, q.model, db.dialect), ...filters];
  if (q.from !== undefined) conds.push(sql`u.occurred_at >= ${q.from}`);
  if (q.to !== undefined) conds.push(sql`u.occurred_at < ${q.to}`);
  const totals = emptyTotals();
  const groups = await db.query(sql`SELECT u.priced, ${USAGE_SUMS}
    FROM usage_records u JOIN sessions s ON s.id = u.session_id ${joinAgents}
    WHERE ${joinSql(conds, ' AND ')}
    GROUP BY u.priced`);
  for (const g of groups) addGroup(totals, g);
  return totals;
}

/**
 * Totals of usage records whose instant lies in [from, to). A session's records all lie within
 * its span (the roll-up widens start and end to cover them), so a session whose whole span is
 * inside the range contributes its roll-up, and only sessions across an edge are summed record
 * by record: `--range all` reads one row per session instead of every record, exactly.
 */
export async function usageTotals(db: SqlRunner, range: UsageTotalsQuery): Promise<UsageTotals> {
  if (summaryAnswers(db, range)) {
    // A team server sums its hourly and daily summaries (usage-summary.ts): `--range all` over a
    // 50-machine year reads ~40 k summary rows instead of 0.5 M session roll-ups.
    const totals = emptyTotals();
    for (const g of await summaryGroups(db, range, null)) addGroup(totals, g);
    return totals;
  }
  const filters = sessionFilterConds(range, db.dialect);
  const joinAgents = range.agentNames !== undefined ? sql`JOIN agents a ON a.id = s.agent_id` : emptySql;
  if (range.model !== undefined && range.model !== '')
    return modelTotals(db, { ...range, model: range.model }, filters, joinAgents);
  const inside: Sql[] = [];
  if (range.from !== undefined) inside.push(sql`s.started_at >= ${range.from}`);
  if (range.to !== undefined) inside.push(sql`s.ended_at < ${range.to}`);
  const totals = emptyTotals();
  const [whole] = await db.query(sql`SELECT ${SESSION_SUMS} FROM sessions s ${joinAgents}
    WHERE ${joinSql([sql`s.usage_count > 0`, ...inside, ...filters], ' AND ')}`);
  if (whole !== undefined) addSums(totals, whole, rawInt(whole.unpriced));
  if (inside.length === 0) return totals;

  const across: Sql[] = [sql`s.usage_count > 0`, sql`NOT (${joinSql(inside, ' AND ')})`];
  if (range.from !== undefined) across.push(sql`s.ended_at >= ${range.from}`, sql`u.occurred_at >= ${range.from}`);
  if (range.to !== undefined) across.push(sql`s.started_at < ${range.to}`, sql`u.occurred_at < ${range.to}`);
  const groups = await db.query(sql`SELECT u.priced, ${USAGE_SUMS}
    FROM usage_records u JOIN sessions s ON s.id = u.session_id ${joinAgents}
    WHERE ${joinSql([...across, ...filters], ' AND ')}
    GROUP BY u.priced`);
  for (const g of groups) addGroup(totals, g);
  return totals;
}

function totalTokensOf(u: UsageTotals): number {
  const t = u.tokens;
  return t.input + t.output + t.cacheRead + t.cacheWrite5m + t.cacheWrite1h;
}

/** Per-model totals of one session, most tokens first (then by model name). */
export async function sessionUsageByModel(db: SqlRunner, sessionId: string): Promise<ModelUsage[]> {
  if (!isUuid(sessionId)) return [];
  const groups = await db.query(sql`SELECT u.model, u.priced, ${USAGE_SUMS} FROM usage_records u
    WHERE u.session_id = ${sessionId.toLowerCase()} GROUP BY u.model, u.priced`);
  const byModel = new Map<string | null, ModelUsage>();
  for (const g of groups) {
    const model = rawStringOrNull(g.model);
    const entry = byModel.get(model) ?? { model, ...emptyTotals() };
    addGroup(entry, g);
    byModel.set(model, entry);
  }
  return [...byModel.values()].sort(
    (a, b) => totalTokensOf(b) - totalTokensOf(a) || (a.model ?? '').localeCompare(b.model ?? ''),
  );
}
