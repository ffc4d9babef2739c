import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { Prng } from '../claude/prng.js';

export interface HermesHomeOptions {
  sessions: number;
  seed: number;
  /** Every n-th session also has a `sessions/session_<id>.json` document; 0 = never. */
  jsonEvery?: number;
  start?: string;
}

export interface HermesSessionTruth {
  id: string;
  model: string;
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number; reasoning: number };
  actualCostUsd: number | null;
  startedAt: string;
  endedAt: string;
  title: string;
  parentId: string | null;
}

/** The columns of Hermes' `sessions` table this generator writes (a subset of the real schema). */
const SCHEMA = `
CREATE TABLE sessions (
  id TEXT PRIMARY KEY, source TEXT NOT NULL, user_id TEXT, model TEXT, model_config TEXT, system_prompt TEXT,
  parent_session_id TEXT, started_at REAL NOT NULL, ended_at REAL, end_reason TEXT,
  message_count INTEGER DEFAULT 0, tool_call_count INTEGER DEFAULT 0,
  input_tokens INTEGER DEFAULT 0, output_tokens INTEGER DEFAULT 0, cache_read_tokens INTEGER DEFAULT 0,
  cache_write_tokens INTEGER DEFAULT 0, reasoning_tokens INTEGER DEFAULT 0, billing_provider TEXT,
  estimated_cost_usd REAL, actual_cost_usd REAL, cost_status TEXT, cost_source TEXT, title TEXT, api_call_count INTEGER DEFAULT 0
);
CREATE TABLE messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL REFERENCES sessions(id), role TEXT NOT NULL,
  content TEXT, tool_call_id TEXT, tool_calls TEXT, tool_name TEXT, timestamp REAL NOT NULL, token_count INTEGER, finish_reason TEXT
);`;

/** A Hermes session JSON document as kept in `~/.hermes/sessions/` (no tokens). */
function hermesSessionJson(init: {
  id: string;
  model: string;
  start: string;
  last: string;
  cwd: string | null;
}): string {
  return `${JSON.stringify(
    {
      session_id: init.id,
      model: init.model,
      platform: 'cli',
      session_start: init.start,
      last_updated: init.last,
      ...(init.cwd === null ? {} : { cwd: init.cwd }),
      message_count: 2,
      messages: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: 'hi', finish_reason: 'stop' },
      ],
    },
    null,
    2,
  )}\n`;
}

/**
 * Writes a deterministic `~/.hermes/state.db` (sessions with running token totals and
 * messages; every third session a child of the previous one, as compression splits do) and a
 * few session JSON documents; returns what an adapter must read.
 */
export async function generateHermesHome(
  homeDir: string,
  options: HermesHomeOptions,
): Promise<{ hermesHome: string; sessions: HermesSessionTruth[] }> {
  const rng = new Prng(options.seed);
  const hermesHome = join(homeDir, '.hermes');
  await mkdir(join(hermesHome, 'sessions'), { recursive: true });
  const db = new Database(join(hermesHome, 'state.db'));
  const sessions: HermesSessionTruth[] = [];
  try {
    db.exec(SCHEMA);
    const insertSession = db.prepare(
      `INSERT INTO sessions (id, source, model, parent_session_id, started_at, ended_at, message_count, input_tokens, output_tokens,
        cache_read_tokens, cache_write_tokens, reasoning_tokens, billing_provider, estimated_cost_usd, actual_cost_usd, title, api_call_count)
       VALUES (?, 'cli', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anthropic', ?, ?, ?, ?)`,
    );
    const insertMessage = db.prepare('INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, ?, ?, ?)');
    const start = Date.parse(options.start ?? '2026-05-01T09:00:00.000Z') / 1000;
    for (let i = 0; i < options.sessions; i += 1) {
      const id = `20260501_${String(90000 + i)}_${rng.hex(8)}`;
      const model = rng.pick(['claude-sonnet-4-6', 'gpt-5.2', 'anthropic/claude-opus-4.5']);
      const started = start + i * 3600 + 0.25;
      const messages = rng.int(2, 6);
      const times: number[] = [];
      let at = started + 5;
      for (let k = 0; k < messages; k += 1) times.push((at += rng.int(3, 40)));
      const last = times[times.length - 1] ?? started;
      const ended = i % 2 === 0 ? last + 2 : null;
      const reasoning = rng.int(0, 500);
      const tokens = {
        input: rng.int(100, 90000),
        output: reasoning + rng.int(10, 5000),
        cacheRead: rng.int(0, 400000),
        cacheWrite: rng.int(0, 20000),
        reasoning,
      };
      const actual = i % 3 === 0 ? rng.int(1, 900) / 1000 : null;
      const parent = i % 3 === 2 ? (sessions[i - 1]?.id ?? null) : null;
      insertSession.run(
        id,
        model,
        parent,
        started,
        ended,
        messages,
        tokens.input,
        tokens.output,
        tokens.cacheRead,
        tokens.cacheWrite,
        tokens.reasoning,
        0.5,
        actual,
        `Chat ${i + 1}`,
        messages,
      );
      times.forEach((t, k) => insertMessage.run(id, k % 2 === 0 ? 'user' : 'assistant', 'x', t));
      const iso = (s: number): string => new Date(Math.trunc(s * 1000)).toISOString();
      sessions.push({
        id,
        model,
        tokens,
        actualCostUsd: actual,
        startedAt: iso(started),
        endedAt: iso(ended ?? last),
        title: `Chat ${i + 1}`,
        parentId: parent,
      });
      if (options.jsonEvery !== undefined && options.jsonEvery > 0 && (i + 1) % options.jsonEvery === 0) {
        await writeFile(
          join(hermesHome, 'sessions', `session_${id}.json`),
          hermesSessionJson({ id, model, start: iso(started), last: iso(last), cwd: '/home/dev/app' }),
        );
      }
    }
  } finally {
    db.close();
  }
  return { hermesHome, sessions };
}
