import type { AdapterDiagnostic, AdapterEvent, TokenCounts } from '@rimuru/core';
import { gooseInstant } from './goose-time.js';
import { gooseTokens } from './goose-tokens.js';
import { counter, modelOfConfig, nonEmptyString } from './json-fields.js';
import { sessionEvents, type GooseSession, type LedgerRequest } from './session-events.js';
import { readSqliteSnapshot, type SqliteView } from './sqlite-snapshot.js';

function warning(message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code: 'invalid-record', message, line: null };
}

/** A column expression, or NULL where this schema version lacks the column. */
const col = (columns: Set<string>, name: string): string => (columns.has(name) ? `"${name}"` : 'NULL');

interface Counters {
  input: unknown;
  output: unknown;
  cacheRead: unknown;
  cacheWrite: unknown;
}

/** Normalised tokens of a counter set; null when none is written; a string when one is malformed. */
function countersToTokens(raw: Counters): TokenCounts | null | string {
  const values = [counter(raw.input), counter(raw.output), counter(raw.cacheRead), counter(raw.cacheWrite)];
  if (values.includes('invalid')) return 'token counter is not a non-negative integer';
  if (values.every((v) => v === null)) return null;
  const [input, output, cacheRead, cacheWrite] = values.map((v) => (typeof v === 'number' ? v : 0)) as [number, number, number, number];
  return gooseTokens({ input, output, cacheRead, cacheWrite });
}

function costOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

interface DbRead {
  sessions: GooseSession[];
  problems: string[];
}

/**
 * Every session of a `sessions.db`, with its messages' time span and its `usage_ledger` rows.
 * Columns are looked up first: the schema grew over Goose versions (accumulated counters, cache
 * counters, cost, the ledger table), and a missing column reads as absent, not as an error.
 */
export function readGooseDb(db: SqliteView): DbRead {
  if (!db.hasTable('sessions')) return { sessions: [], problems: ['no sessions table: not a Goose sessions.db'] };
  const s = db.columns('sessions');
  if (!s.has('id')) return { sessions: [], problems: ['sessions table has no id column'] };
  const rows = db.rows(
    `SELECT id, ${col(s, 'working_dir')}, ${col(s, 'name')}, ${col(s, 'description')}, ${col(s, 'created_at')}, ${col(s, 'updated_at')},
            ${col(s, 'model_config_json')}, ${col(s, 'parent_session_id')},
            ${col(s, 'accumulated_input_tokens')}, ${col(s, 'accumulated_output_tokens')},
            ${col(s, 'accumulated_cache_read_tokens')}, ${col(s, 'accumulated_cache_write_tokens')}, ${col(s, 'accumulated_cost')},
            ${col(s, 'input_tokens')}, ${col(s, 'output_tokens')}, ${col(s, 'cache_read_tokens')}, ${col(s, 'cache_write_tokens')}
       FROM sessions ORDER BY id`,
  );
  const messageSpans = new Map<string, unknown[]>();
  if (db.hasTable('messages') && db.columns('messages').has('session_id') && db.columns('messages').has('created_timestamp')) {
    for (const [sid, min, max] of db.rows('SELECT session_id, MIN(created_timestamp), MAX(created_timestamp) FROM messages GROUP BY session_id')) {
      messageSpans.set(String(sid), [min, max]);
    }
  }
  const ledgers = new Map<string, LedgerRequest[]>();
  const problems: string[] = [];
  if (db.hasTable('usage_ledger')) {
    const u = db.columns('usage_ledger');
    const ledgerRows = db.rows(
      `SELECT ${col(u, 'id')}, ${col(u, 'session_id')}, ${col(u, 'created_timestamp')}, ${col(u, 'model')},
              ${col(u, 'input_tokens')}, ${col(u, 'output_tokens')}, ${col(u, 'cache_read_tokens')}, ${col(u, 'cache_write_tokens')}, ${col(u, 'cost')}
         FROM usage_ledger ORDER BY rowid`,
    );
    for (const [id, sid, created, model, input, output, cacheRead, cacheWrite, cost] of ledgerRows) {
      const tokens = countersToTokens({ input, output, cacheRead, cacheWrite });
      if (typeof tokens === 'string' || sid === null || id === null) {
        problems.push(`usage_ledger row ${String(id)}: ${typeof tokens === 'string' ? tokens : 'no id or session'}; skipped`);
        continue;
      }
      const list = ledgers.get(String(sid)) ?? [];
      list.push({ rowId: String(id), at: gooseInstant(created), model: nonEmptyString(model), tokens: tokens ?? gooseTokens({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }), costUsd: costOf(cost) });
      ledgers.set(String(sid), list);
    }
  }
  const sessions: GooseSession[] = [];
  for (const row of rows) {
    const [id, workingDir, name, description, createdAt, updatedAt, modelConfig, parentId, accIn, accOut, accRead, accWrite, accCost, inTok, outTok, readTok, writeTok] = row;
    const sid = nonEmptyString(typeof id === 'string' ? id : id === null ? null : String(id));
    if (sid === null) {
      problems.push('session row without id; skipped');
      continue;
    }
    // Older schemas kept only the last request's counters beside the accumulated ones; ccusage falls back to them too.
    let cumulative = countersToTokens({ input: accIn ?? inTok, output: accOut ?? outTok, cacheRead: accRead ?? readTok, cacheWrite: accWrite ?? writeTok });
    if (typeof cumulative === 'string') {
      problems.push(`session ${sid}: ${cumulative}; its counters are skipped`);
      cumulative = null;
    }
    const updated = gooseInstant(updatedAt);
    sessions.push({
      id: sid,
      projectPath: nonEmptyString(workingDir),
      title: nonEmptyString(name) ?? nonEmptyString(description),
      parentId: nonEmptyString(parentId),
      model: modelOfConfig(modelConfig),
      times: [gooseInstant(createdAt), updated, ...(messageSpans.get(sid) ?? []).map(gooseInstant)],
      updatedAt: updated,
      cumulative,
      cumulativeCostUsd: costOf(accCost),
      ledger: ledgers.get(sid) ?? [],
      fromDatabase: true,
    });
  }
  return { sessions, problems };
}

/** Reads one `sessions.db` whole (a snapshot source), read-only. */
export async function* readDbSource(path: string): AsyncGenerator<AdapterEvent> {
  let read: DbRead;
  try {
    read = await readSqliteSnapshot(path, readGooseDb);
  } catch (error) {
    yield { type: 'diagnostic', severity: 'error', code: 'unreadable-source', message: error instanceof Error ? error.message : String(error), line: null };
    return;
  }
  for (const problem of read.problems) yield warning(problem);
  for (const session of read.sessions) {
    const { usages, activity, problems } = sessionEvents(session);
    for (const problem of problems) yield warning(problem);
    yield* usages;
    if (activity !== null) yield activity;
  }
  yield { type: 'checkpoint', offset: 0, state: null };
}
