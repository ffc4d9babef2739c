import { nonBlankString } from '@rimuru/adapter-kit';
import { quoteIdentifier, type SqliteView } from '@rimuru/adapter-kit/sqlite';

/** One `sessions` row of state.db, with the message time span of the session. */
export interface HermesSessionRow {
  id: string;
  source: string | null;
  model: string | null;
  parentId: string | null;
  title: string | null;
  /** Epoch seconds (REAL) as Hermes writes them. */
  startedAt: number | null;
  endedAt: number | null;
  firstMessageAt: number | null;
  lastMessageAt: number | null;
  /** Null when the column does not exist (an older schema). */
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number; reasoning: number } | null;
  actualCostUsd: number | null;
  apiCalls: number | null;
}

const TOKEN_COLUMNS = [
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
] as const;
const OPTIONAL = [
  'source',
  'model',
  'parent_session_id',
  'title',
  'started_at',
  'ended_at',
  'actual_cost_usd',
  'api_call_count',
] as const;

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null;
const count = (v: unknown): number => {
  const n = num(v);
  return n !== null && n > 0 ? Math.trunc(n) : 0;
};

/**
 * Every session of a state.db, selecting only the columns this schema version has (Hermes
 * adds columns over time). Null when there is no `sessions` table. Read through `select`: a
 * text value that is not UTF-8 reads as null instead of aborting the process in libsql.
 */
export function readSessionRows(db: SqliteView): HermesSessionRow[] | null {
  if (!db.hasTable('sessions')) return null;
  const have = db.columns('sessions');
  if (!have.has('id')) return null;
  const col = (name: string): string => (have.has(name) ? `s.${quoteIdentifier(name)}` : 'NULL');
  const tokensKnown = TOKEN_COLUMNS.every((c) => have.has(c));
  const span =
    db.hasTable('messages') && db.columns('messages').has('timestamp') && db.columns('messages').has('session_id');
  const messageSpan = span
    ? [
        '(SELECT MIN(m.timestamp) FROM messages m WHERE m.session_id = s.id)',
        '(SELECT MAX(m.timestamp) FROM messages m WHERE m.session_id = s.id)',
      ]
    : ['NULL', 'NULL'];
  const rows = db.select(
    ['s.id', ...OPTIONAL.map(col), ...TOKEN_COLUMNS.map(col), ...messageSpan],
    'FROM sessions s ORDER BY s.id',
  );
  return rows.map((r) => ({
    id: String(r[0]),
    source: nonBlankString(r[1]),
    model: nonBlankString(r[2]),
    parentId: nonBlankString(r[3]),
    title: nonBlankString(r[4]),
    startedAt: num(r[5]),
    endedAt: num(r[6]),
    actualCostUsd: num(r[7]),
    apiCalls: num(r[8]),
    tokens: tokensKnown
      ? {
          input: count(r[9]),
          output: count(r[10]),
          cacheRead: count(r[11]),
          cacheWrite: count(r[12]),
          reasoning: count(r[13]),
        }
      : null,
    firstMessageAt: num(r[14]),
    lastMessageAt: num(r[15]),
  }));
}
