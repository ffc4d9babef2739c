import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { Prng } from '../claude/prng.js';

/**
 * Synthetic Crush homes: a global `projects.json` listing projects, each with its own
 * `crush.db` (Crush's schema), written the way Crush's agent writes them: per request the
 * session's `prompt_tokens`/`completion_tokens` are overwritten with that request's numbers
 * while `cost` accumulates; a finished sub-agent's cost is added to its parent's; title
 * generation adds to the counters; flat-rate models record no cost. Times are epoch seconds.
 */

interface CrushSessionTruth {
  projectPath: string;
  parentId: string | null;
  title: string;
  /** The session's recorded dollars when Crush records any for it (top-level sessions), else null. */
  recordedCostUsd: number | null;
  /** Models of its assistant messages, sorted. */
  models: string[];
  firstAtSec: number;
  lastAtSec: number;
  /** What all its requests really used: Crush does not keep this (only the last request's). */
  trueTokens: number;
  /** What the session row ends up holding in prompt_tokens + completion_tokens. */
  storedTokens: number;
}

export interface CrushHomeOptions {
  seed?: number;
  /** Projects with a store (the second keeps its data outside `.crush`). */
  projects?: number;
  sessionsPerProject?: number;
}

export interface CrushHome {
  globalDir: string;
  truth: Map<string, CrushSessionTruth>;
}

const SCHEMA = `
CREATE TABLE sessions (id TEXT PRIMARY KEY, parent_session_id TEXT, title TEXT NOT NULL,
  message_count INTEGER NOT NULL DEFAULT 0, prompt_tokens INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0, cost REAL NOT NULL DEFAULT 0.0,
  updated_at INTEGER NOT NULL, created_at INTEGER NOT NULL, summary_message_id TEXT, todos TEXT);
CREATE TABLE messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, role TEXT NOT NULL,
  parts TEXT NOT NULL DEFAULT '[]', model TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  finished_at INTEGER, provider TEXT, is_summary_message INTEGER DEFAULT 0 NOT NULL);
CREATE TABLE files (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, path TEXT NOT NULL, content TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
`;

interface Model {
  id: string;
  provider: string;
  /** Dollars per million input / output tokens; 0 for a flat-rate plan (Crush records no cost). */
  inPrice: number;
  outPrice: number;
}

const MODELS: Model[] = [
  { id: 'claude-sonnet-4-5-20250929', provider: 'anthropic', inPrice: 3, outPrice: 15 },
  { id: 'gpt-5.1-codex', provider: 'openai', inPrice: 1.25, outPrice: 10 },
  { id: 'glm-4.6', provider: 'zai-flat', inPrice: 0, outPrice: 0 },
];

interface SessionState {
  id: string;
  parentId: string | null;
  title: string;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  createdAt: number;
  updatedAt: number;
  models: Set<string>;
  trueTokens: number;
}

class StoreWriter {
  private readonly db: Database.Database;
  private counter = 0;

  constructor(
    path: string,
    private readonly rng: Prng,
  ) {
    this.db = new Database(path);
    this.db.exec(SCHEMA);
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${String(this.counter).padStart(4, '0')}-${this.rng.hex(8)}`;
  }

  newSession(parentId: string | null, at: number, id?: string): SessionState {
    return {
      id: id ?? this.nextId('ses'),
      parentId,
      title: 'New Session',
      promptTokens: 0,
      completionTokens: 0,
      cost: 0,
      createdAt: at,
      updatedAt: at,
      models: new Set(),
      trueTokens: 0,
    };
  }

  /** One agent step: a user (first step only) and an assistant message; counters as Crush's updateSessionUsage leaves them. */
  step(s: SessionState, model: Model, at: number, withUser: boolean): number {
    if (withUser) this.message(s.id, 'user', null, at);
    const input = this.rng.int(5, 4000);
    const cacheRead = this.rng.chance(0.7) ? this.rng.int(0, 60_000) : 0;
    const output = this.rng.int(1, 1500);
    const end = at + this.rng.int(2, 40);
    this.message(s.id, 'assistant', model, at + 1, end);
    s.models.add(model.id);
    s.trueTokens += input + cacheRead + output;
    // Overwritten, not added: the last request's context size and output.
    s.promptTokens = input + cacheRead;
    s.completionTokens = output;
    s.cost += (model.inPrice * input + model.outPrice * output) / 1e6;
    s.updatedAt = end;
    return end;
  }

  /** Title generation: Crush adds its usage to the counters (UpdateSessionTitleAndUsage). */
  title(s: SessionState, model: Model): void {
    const input = this.rng.int(50, 300);
    const output = this.rng.int(3, 20);
    s.title = `Task ${s.id.slice(4, 8)}`;
    s.promptTokens += input;
    s.completionTokens += output;
    s.trueTokens += input + output;
    s.cost += (model.inPrice * input + model.outPrice * output) / 1e6;
  }

  private message(sessionId: string, role: string, model: Model | null, at: number, finishedAt?: number): void {
    this.db
      .prepare(
        'INSERT INTO messages (id, session_id, role, parts, model, provider, created_at, updated_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        this.nextId('msg'),
        sessionId,
        role,
        JSON.stringify([{ type: 'text', data: { text: 'hello' } }]),
        model?.id ?? null,
        model?.provider ?? null,
        at,
        finishedAt ?? at,
        finishedAt ?? null,
      );
  }

  save(s: SessionState): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO sessions (id, parent_session_id, title, message_count, prompt_tokens, completion_tokens, cost, updated_at, created_at)
         VALUES (?, ?, ?, (SELECT COUNT(*) FROM messages WHERE session_id = ?), ?, ?, ?, ?, ?)`,
      )
      .run(s.id, s.parentId, s.title, s.id, s.promptTokens, s.completionTokens, s.cost, s.updatedAt, s.createdAt);
  }

  close(): void {
    this.db.close();
  }
}

function truthOf(s: SessionState, projectPath: string): CrushSessionTruth {
  return {
    projectPath,
    parentId: s.parentId,
    title: s.title,
    recordedCostUsd: s.parentId === null && s.cost > 0 ? s.cost : null,
    models: [...s.models].sort(),
    firstAtSec: s.createdAt,
    lastAtSec: s.updatedAt,
    trueTokens: s.trueTokens,
    storedTokens: s.promptTokens + s.completionTokens,
  };
}

/** Writes `<home>/.local/share/crush/projects.json` and the projects' stores; returns the truth per session. */
export async function generateCrushHome(home: string, options: CrushHomeOptions = {}): Promise<CrushHome> {
  const rng = new Prng(options.seed ?? 5);
  const globalDir = join(home, '.local', 'share', 'crush');
  await mkdir(globalDir, { recursive: true });
  const truth = new Map<string, CrushSessionTruth>();
  const registry: { path: string; data_dir: string; last_accessed: string }[] = [];
  const projectCount = options.projects ?? 2;
  let clock = 1_767_600_000 + rng.int(0, 86_400); // early January 2026, epoch seconds

  for (let p = 0; p < projectCount; p += 1) {
    const path = join(home, 'code', `project-${p + 1}`);
    // The second project keeps its data outside `.crush` (options.data_directory).
    const dataDir = p === 1 ? join(home, 'state', `crush-data-${p + 1}`) : join(path, '.crush');
    await mkdir(dataDir, { recursive: true });
    await mkdir(path, { recursive: true });
    const store = new StoreWriter(join(dataDir, 'crush.db'), rng);
    const sessionCount = options.sessionsPerProject ?? 3;
    for (let i = 0; i < sessionCount; i += 1) {
      clock += rng.int(600, 7200);
      const s = store.newSession(null, clock);
      // The last session of a project is on a flat-rate plan: Crush records no cost.
      const model = i === sessionCount - 1 ? (MODELS[2] as Model) : rng.pick(MODELS.slice(0, 2));
      const steps = rng.int(1, 5);
      let at = clock;
      for (let k = 0; k < steps; k += 1)
        at = store.step(s, k === 2 ? rng.pick(MODELS.slice(0, 2)) : model, at + rng.int(1, 30), k === 0);
      store.title(s, model);
      if (i === 0) {
        // A sub-agent (agent tool): its own session, whose cost Crush adds to the parent's when done.
        const child = store.newSession(s.id, at + 1, `msg-${p}$$call-${rng.hex(6)}`);
        let cat = child.createdAt;
        for (let k = 0; k < rng.int(1, 3); k += 1) cat = store.step(child, model, cat + 1, k === 0);
        child.title = 'Sub-agent task';
        store.save(child);
        s.cost += child.cost;
        s.updatedAt = cat + 1;
        truth.set(child.id, truthOf(child, path));
      }
      store.save(s);
      truth.set(s.id, truthOf(s, path));
    }
    store.close();
    registry.push({ path, data_dir: dataDir, last_accessed: new Date(clock * 1000).toISOString() });
  }
  // A registered project whose store is gone (deleted, or Crush never wrote one).
  registry.push({
    path: join(home, 'code', 'gone'),
    data_dir: join(home, 'code', 'gone', '.crush'),
    last_accessed: new Date(clock * 1000).toISOString(),
  });
  registry.reverse(); // most recently accessed first, as Crush keeps it
  await writeFile(join(globalDir, 'projects.json'), JSON.stringify({ projects: registry }, null, 2));
  return { globalDir, truth };
}
