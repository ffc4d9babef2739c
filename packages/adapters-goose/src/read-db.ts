import { trimmedString, unreadableSource } from '@rimuru/adapter-kit';
import { quoteIdentifier, readSqliteSnapshot, type SqliteView } from '@rimuru/adapter-kit/sqlite';
import type { AdapterDiagnostic, AdapterEvent, TokenCounts } from '@rimuru/core';
import { gooseInstant } from './goose-time.js';
import { gooseTokens } from './goose-tokens.js';
import { counter, modelOfConfig } from './json-fields.js';
import { sessionEvents, type GooseSession, type LedgerRequest } from './session-events.js';

function warning(message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code: 'invalid-record', message, line: null };
}

/** A column expression, or NULL where this schema version lacks the column. */
const col = (columns: Set<string>, name: string): string => (columns.has(name) ? quoteIdentifier(name) : 'NULL');

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
  const [input, output, cacheRead, cacheWrite] = values.map((v) => (typeof v === 'number' ? v : 0)) as [
    number,
    number,
    number,
    number,
  ];
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
 * Everything goes through `select`, so a text value that is not UTF-8 reads as null (libsql
 * would abort the process on it).
 */
function readGooseDb(db: SqliteView): DbRead {
  if (!db.hasTable('sessions')) return { sessions: [], problems: ['no sessions table: not a Goose sessions.db'] };
  const s = db.columns('sessions');
  if (!s.has('id')) return { sessions: [], problems: ['sessions table has no id column'] };
  const sessionColumns = [
    ...['working_dir', 'name', 'description', 'created_at', 'updated_at', 'model_config_json', 'parent_session_id'],
    ...[
      'accumulated_input_tokens',
      'accumulated_output_tokens',
      'accumulated_cache_read_tokens',
      'accumulated_cache_write_tokens',
      'accumulated_cost',
    ],
    ...['input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens'],
  ];
  const rows = db.select(['id', ...sessionColumns.map((name) => col(s, name))], 'FROM sessions ORDER BY id');
  const messageSpans = new Map<string, unknown[]>();
  if (
    db.hasTable('messages') &&
    db.columns('messages').has('session_id') &&
    db.columns('messages').has('created_timestamp')
  ) {
    for (const [sid, min, max] of db.select(
      ['session_id', 'MIN(created_timestamp)', 'MAX(created_timestamp)'],
      'FROM messages GROUP BY session_id',
    )) {
      messageSpans.set(String(sid), [min, max]);
    }
  }
  const ledgers = new Map<string, LedgerRequest[]>();
  const problems: string[] = [];
  if (db.hasTable('usage_ledger')) {
    const u = db.columns('usage_ledger');
    const ledgerColumns = [
      'id',
      'session_id',
      'created_timestamp',
      'model',
      'input_tokens',
      'output_tokens',
      'cache_read_tokens',
      'cache_write_tokens',
      'cost',
    ];
    const ledgerRows = db.select(
      ledgerColumns.map((name) => col(u, name)),
      'FROM usage_ledger ORDER BY rowid',
    );
    for (const [id, sid, created, model, input, output, cacheRead, cacheWrite, cost] of ledgerRows) {
      const tokens = countersToTokens({ input, output, cacheRead, cacheWrite });
      if (typeof tokens === 'string' || sid === null || id === null) {
        problems.push(
          `usage_ledger row ${String(id)}: ${typeof tokens === 'string' ? tokens : 'no id or session'}; skipped`,
        );
        continue;
      }
      const list = ledgers.get(String(sid)) ?? [];
      list.push({
        rowId: String(id),
        at: gooseInstant(created),
        model: trimmedString(model),
        tokens: tokens ?? gooseTokens({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }),
        costUsd: costOf(cost),
      });
      ledgers.set(String(sid), list);
    }
  }
  const sessions: GooseSession[] = [];
  for (const row of rows) {
    const [
      id,
      workingDir,
      name,
      description,
      createdAt,
      updatedAt,
      modelConfig,
      parentId,
      accIn,
      accOut,
      accRead,
      accWrite,
      accCost,
      inTok,
      outTok,
      readTok,
      writeTok,
    ] = row;
    const sid = trimmedString(typeof id === 'string' ? id : id === null ? null : String(id));
    if (sid === null) {
      problems.push('session row without id; skipped');
      continue;
    }
    // Older schemas kept only the last request's counters beside the accumulated ones; ccusage falls back to them too.
    let cumulative = countersToTokens({
      input: accIn ?? inTok,
      output: accOut ?? outTok,
      cacheRead: accRead ?? readTok,
      cacheWrite: accWrite ?? writeTok,
    });
    if (typeof cumulative === 'string') {
      problems.push(`session ${sid}: ${cumulative}; its counters are skipped`);
      cumulative = null;
    }
    const updated = gooseInstant(updatedAt);
    sessions.push({
      id: sid,
      projectPath: trimmedString(workingDir),
      title: trimmedString(name) ?? trimmedString(description),
      parentId: trimmedString(parentId),
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
    read = (await readSqliteSnapshot(path, readGooseDb)).value;
  } catch (error) {
    yield unreadableSource(error);
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
