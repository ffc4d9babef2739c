import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZERO_TOKENS, addTokens, type TokenCounts } from '@rimuru/core';
import Database from 'libsql';
import { Prng } from '../claude/prng.js';

/** Goose's `sessions.db` schema as of the usage ledger (schema version 15 in public tests). */
const GOOSE_SCHEMA = `
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
  user_set_name BOOLEAN DEFAULT FALSE, session_type TEXT NOT NULL DEFAULT 'user', working_dir TEXT NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  extension_data TEXT DEFAULT '{}', total_tokens INTEGER, input_tokens INTEGER, output_tokens INTEGER,
  accumulated_total_tokens INTEGER, accumulated_input_tokens INTEGER, accumulated_output_tokens INTEGER,
  accumulated_cache_read_tokens INTEGER, accumulated_cache_write_tokens INTEGER, accumulated_cost REAL,
  schedule_id TEXT, recipe_json TEXT, user_recipe_values_json TEXT, provider_name TEXT, model_config_json TEXT,
  project_id TEXT, parent_session_id TEXT
);
CREATE TABLE messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT, session_id TEXT NOT NULL, role TEXT NOT NULL,
  content_json TEXT NOT NULL, created_timestamp INTEGER NOT NULL, timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  tokens INTEGER, metadata_json TEXT
);
CREATE TABLE usage_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, created_timestamp INTEGER NOT NULL, model TEXT,
  input_tokens INTEGER, output_tokens INTEGER, total_tokens INTEGER, cache_read_tokens INTEGER, cache_write_tokens INTEGER,
  cost REAL, cost_source TEXT, is_compaction INTEGER DEFAULT 0
);
INSERT INTO schema_version (version) VALUES (15);
`;

/** Counters as Goose writes them: `input` is the whole prompt, cache reads and writes included. */
interface GooseRawCounts {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/** The unified tokens of Goose counters (non-cached input = input − cache read − cache write). */
function unifiedGooseTokens(c: GooseRawCounts): TokenCounts {
  return {
    ...ZERO_TOKENS,
    input: c.input - c.cacheRead - c.cacheWrite,
    output: c.output,
    cacheRead: c.cacheRead,
    cacheWrite5m: c.cacheWrite,
  };
}

export interface GooseTruth {
  tokens: Map<string, TokenCounts>;
  projects: Map<string, string | null>;
  tokenless: string[];
  /** Path of the database, relative to the home. */
  dbPath: string;
}

const SESSIONS_DIR = join('.local', 'share', 'goose', 'sessions');
const sqlTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

function rawCounts(rng: Prng): GooseRawCounts {
  const cacheRead = rng.int(0, 9000);
  const cacheWrite = rng.int(0, 2000);
  return { input: cacheRead + cacheWrite + rng.int(1, 400), output: rng.int(1, 800), cacheRead, cacheWrite };
}

const sum = (a: GooseRawCounts, b: GooseRawCounts): GooseRawCounts => ({
  input: a.input + b.input,
  output: a.output + b.output,
  cacheRead: a.cacheRead + b.cacheRead,
  cacheWrite: a.cacheWrite + b.cacheWrite,
});

/**
 * A synthetic Goose home: a `sessions.db` with (1) sessions whose requests sit in `usage_ledger`,
 * (2) a session from before the ledger (cumulative counters only), (3) an upgraded session
 * (counters cover old requests plus its ledger rows), (4) a session without counters; and legacy
 * `.jsonl` files, one of them the leftover of a session also in the database (same id, same
 * counters: must not count twice). Deterministic for a seed.
 */
export async function writeGooseHome(dir: string, seed = 5): Promise<GooseTruth> {
  const rng = new Prng(seed);
  const sessionsDir = join(dir, SESSIONS_DIR);
  await mkdir(sessionsDir, { recursive: true });
  const dbPath = join(sessionsDir, 'sessions.db');
  const db = new Database(dbPath);
  const truth: GooseTruth = {
    tokens: new Map(),
    projects: new Map(),
    tokenless: [],
    dbPath: join(SESSIONS_DIR, 'sessions.db'),
  };
  try {
    db.exec(GOOSE_SCHEMA);
    const insertSession =
      db.prepare(`INSERT INTO sessions (id, name, working_dir, created_at, updated_at, provider_name, model_config_json,
      accumulated_input_tokens, accumulated_output_tokens, accumulated_total_tokens, accumulated_cache_read_tokens, accumulated_cache_write_tokens, accumulated_cost)
      VALUES (?, ?, ?, ?, ?, 'anthropic', ?, ?, ?, ?, ?, ?, ?)`);
    const insertLedger =
      db.prepare(`INSERT INTO usage_ledger (session_id, created_timestamp, model, input_tokens, output_tokens, total_tokens,
      cache_read_tokens, cache_write_tokens, cost, cost_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'provider_reported')`);
    const insertMessage =
      db.prepare(`INSERT INTO messages (message_id, session_id, role, content_json, created_timestamp, metadata_json)
      VALUES (?, ?, ?, '[{"type":"text","text":"hi"}]', ?, '{"userVisible":true}')`);
    const base = Date.UTC(2025, 10, 1, 8, 0, 0);
    const kinds = ['ledger', 'ledger', 'cumulative', 'upgraded', 'empty'] as const;
    for (const [n, kind] of kinds.entries()) {
      const id = `20251101_${n + 1}`;
      const created = base + n * 3_600_000;
      let clock = created;
      let acc: GooseRawCounts = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
      let expected: TokenCounts = { ...ZERO_TOKENS };
      if (kind === 'cumulative' || kind === 'upgraded') {
        acc = rawCounts(rng);
        expected = unifiedGooseTokens(acc);
      }
      const requests = kind === 'ledger' || kind === 'upgraded' ? rng.int(1, 4) : 0;
      const ledgerRows: [number, GooseRawCounts][] = [];
      for (let r = 0; r < requests; r += 1) {
        clock += rng.int(5, 90) * 1000;
        const c = rawCounts(rng);
        ledgerRows.push([clock, c]);
        acc = sum(acc, c);
        expected = addTokens(expected, unifiedGooseTokens(c));
      }
      const counted = kind !== 'empty';
      const project = `/home/dev/goose-${n}`;
      insertSession.run(
        id,
        `Session ${n}`,
        project,
        sqlTime(created),
        sqlTime(clock + 1000),
        '{"model_name":"claude-sonnet-4-5","context_limit":200000}',
        counted ? acc.input : null,
        counted ? acc.output : null,
        counted ? acc.input + acc.output : null,
        counted ? acc.cacheRead : null,
        counted ? acc.cacheWrite : null,
        counted ? 0.5 : null,
      );
      insertMessage.run(`m-${id}-0`, id, 'user', Math.floor(created / 1000) + 1);
      for (const [at, c] of ledgerRows) {
        insertLedger.run(
          id,
          Math.floor(at / 1000),
          'claude-sonnet-4-5',
          c.input,
          c.output,
          c.input + c.output,
          c.cacheRead,
          c.cacheWrite,
          0.01,
        );
        insertMessage.run(`m-${id}-${at}`, id, 'assistant', Math.floor(at / 1000));
      }
      truth.projects.set(id, project);
      if (counted) truth.tokens.set(id, expected);
      else truth.tokenless.push(id);
      if (kind === 'cumulative') {
        // The pre-database file of the same session, left behind after migration.
        const meta = {
          working_dir: project,
          description: `Session ${n}`,
          message_count: 1,
          accumulated_input_tokens: acc.input,
          accumulated_output_tokens: acc.output,
          accumulated_total_tokens: acc.input + acc.output,
        };
        const msg = { role: 'user', created: Math.floor(created / 1000) + 1, content: [{ type: 'text', text: 'hi' }] };
        // Legacy counters carry no cache split: the same total, but read as non-cached input.
        await writeFile(join(sessionsDir, `${id}.jsonl`), `${JSON.stringify(meta)}\n${JSON.stringify(msg)}\n`);
      }
    }
  } finally {
    db.close();
  }
  // A legacy-only session.
  const legacy = { input: rng.int(100, 5000), output: rng.int(10, 900) };
  const meta = {
    working_dir: '/home/dev/legacy',
    description: 'old session',
    message_count: 2,
    total_tokens: 9,
    input_tokens: 4,
    output_tokens: 5,
    accumulated_input_tokens: legacy.input,
    accumulated_output_tokens: legacy.output,
    accumulated_total_tokens: legacy.input + legacy.output,
  };
  const lines = [
    meta,
    { role: 'user', created: 1_746_100_800, content: [] },
    { role: 'assistant', created: 1_746_100_860, content: [] },
  ];
  await writeFile(join(sessionsDir, '20250501_120000.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  truth.tokens.set('20250501_120000', { ...ZERO_TOKENS, input: legacy.input, output: legacy.output });
  truth.projects.set('20250501_120000', '/home/dev/legacy');
  return truth;
}
