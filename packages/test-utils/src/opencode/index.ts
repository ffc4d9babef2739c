import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'libsql';
import { Prng } from '../claude/prng.js';

/**
 * Synthetic OpenCode-family homes (OpenCode, Kilo CLI): a SQLite store with `session`,
 * `message` and `part` tables, a release-channel store, and the legacy JSON tree, with the
 * tricky cases: rows rewritten mid-stream, several steps per message (the message keeps only
 * the last step's tokens), reasoning counted both ways, the same message in the DB and in the
 * legacy tree, tokenless sessions. The truth is computed from the same numbers.
 */

interface StepTokens {
  input: number;
  output: number;
  reasoning: number;
  read: number;
  write: number;
}

interface OpenCodeSessionTruth {
  input: number;
  output: number;
  reasoning: number;
  cacheRead: number;
  cacheWrite: number;
  requests: number;
  projectPath: string;
  tokensKnown: boolean;
}

export interface OpenCodeHomeOptions {
  seed?: number;
  /** Data directory under `~/.local/share` (`opencode`, `kilo`). */
  dirName?: string;
  /** Main database name (`opencode.db`, `kilo.db`). */
  dbName?: string;
  /** A release-channel database name, or null for none. */
  channelDbName?: string | null;
  sessions?: number;
  /** Also write a legacy `storage/` tree (part of it duplicating DB messages). */
  legacy?: boolean;
}

export interface OpenCodeHome {
  root: string;
  truth: Map<string, OpenCodeSessionTruth>;
}

interface GenMessage {
  id: string;
  sessionID: string;
  data: Record<string, unknown>;
  steps: StepTokens[];
}

/** The way current OpenCode writes a step: output without reasoning, total = everything. */
function tokensJson(t: StepTokens, subsetStyle: boolean): Record<string, unknown> {
  const inputAll = t.input + t.read + t.write;
  if (subsetStyle) {
    // Older versions: output includes reasoning, total = SDK input + SDK output.
    return {
      total: inputAll + t.output,
      input: t.input,
      output: t.output,
      reasoning: t.reasoning,
      cache: { read: t.read, write: t.write },
    };
  }
  return {
    total: inputAll + t.output + t.reasoning,
    input: t.input,
    output: t.output,
    reasoning: t.reasoning,
    cache: { read: t.read, write: t.write },
  };
}

function stepOf(rng: Prng, subsetStyle: boolean): StepTokens {
  const reasoning = rng.chance(0.5) ? rng.int(1, 400) : 0;
  const output = rng.int(1, 900) + (subsetStyle ? reasoning : 0);
  return {
    input: rng.int(0, 3000),
    output,
    reasoning,
    read: rng.chance(0.7) ? rng.int(0, 50_000) : 0,
    write: rng.chance(0.4) ? rng.int(0, 5000) : 0,
  };
}

const ensureTruth = (
  truth: Map<string, OpenCodeSessionTruth>,
  id: string,
  projectPath: string,
): OpenCodeSessionTruth => {
  let t = truth.get(id);
  if (t === undefined) {
    t = {
      input: 0,
      output: 0,
      reasoning: 0,
      cacheRead: 0,
      cacheWrite: 0,
      requests: 0,
      projectPath,
      tokensKnown: false,
    };
    truth.set(id, t);
  }
  return t;
};

function createStore(path: string): Database.Database {
  const db = new Database(path);
  db.exec(`
    CREATE TABLE session (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, parent_id TEXT, slug TEXT, directory TEXT NOT NULL,
      title TEXT NOT NULL, version TEXT, time_created INTEGER NOT NULL, time_updated INTEGER NOT NULL);
    CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, time_created INTEGER NOT NULL, time_updated INTEGER NOT NULL, data TEXT NOT NULL);
    CREATE TABLE part (id TEXT PRIMARY KEY, message_id TEXT NOT NULL, session_id TEXT NOT NULL, time_created INTEGER NOT NULL, time_updated INTEGER NOT NULL, data TEXT NOT NULL);
  `);
  return db;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(value));
}

/** Writes a synthetic store under `<home>/.local/share/<dirName>` and returns the truth per session. */
export async function generateOpenCodeHome(home: string, options: OpenCodeHomeOptions = {}): Promise<OpenCodeHome> {
  const rng = new Prng(options.seed ?? 7);
  const dirName = options.dirName ?? 'opencode';
  const root = join(home, '.local', 'share', dirName);
  await mkdir(root, { recursive: true });
  const truth = new Map<string, OpenCodeSessionTruth>();
  const sessionCount = options.sessions ?? 4;
  const base = Date.UTC(2026, 0, 5, 9, 0, 0);
  const stores: { name: string; sessions: number }[] = [
    { name: options.dbName ?? 'opencode.db', sessions: sessionCount },
  ];
  const channel = options.channelDbName === undefined ? 'opencode-beta.db' : options.channelDbName;
  if (channel !== null) stores.push({ name: channel, sessions: 1 });
  const legacyMessages: GenMessage[] = [];
  let counter = 0;
  const nextId = (prefix: string): string => `${prefix}_${String(++counter).padStart(6, '0')}${rng.hex(6)}`;

  for (const store of stores) {
    const db = createStore(join(root, store.name));
    const insertSession = db.prepare('INSERT INTO session VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insertMessage = db.prepare('INSERT INTO message VALUES (?, ?, ?, ?, ?)');
    const insertPart = db.prepare('INSERT INTO part VALUES (?, ?, ?, ?, ?, ?)');
    for (let s = 0; s < store.sessions; s += 1) {
      const sessionID = nextId('ses');
      const directory = `/work/project-${counter}`;
      const tokenless = s === store.sessions - 1 && store.sessions > 2;
      const t0 = base + counter * 3_600_000;
      insertSession.run(sessionID, 'proj', null, 'slug', directory, `Session ${counter}`, '1.3.0', t0, t0 + 60_000);
      const truthEntry = ensureTruth(truth, sessionID, directory);
      const turns = rng.int(2, 5);
      for (let turn = 0; turn < turns; turn += 1) {
        const at = t0 + turn * 10_000;
        const userId = nextId('msg');
        insertMessage.run(
          userId,
          sessionID,
          at,
          at,
          JSON.stringify({
            role: 'user',
            time: { created: at },
            model: { providerID: 'anthropic', modelID: 'claude-sonnet-4-5' },
          }),
        );
        const assistantId = nextId('msg');
        const subsetStyle = rng.chance(0.3);
        const model = rng.pick(['claude-sonnet-4-5', 'gpt-5.1-codex', 'kimi-k2.6']);
        const data: Record<string, unknown> = {
          role: 'assistant',
          parentID: userId,
          modelID: model,
          providerID: 'openrouter',
          mode: 'build',
          path: { cwd: directory, root: directory },
          time: { created: at + 100 },
        };
        if (tokenless) {
          // An aborted reply: no tokens object at all (tokens unknown, never zero).
          insertMessage.run(assistantId, sessionID, at + 100, at + 100, JSON.stringify(data));
          continue;
        }
        const steps = Array.from({ length: rng.chance(0.3) ? rng.int(2, 3) : 1 }, () => stepOf(rng, subsetStyle));
        const last = steps[steps.length - 1] as StepTokens;
        const cost = rng.chance(0.2) ? 0 : rng.int(1, 9000) / 1_000_000;
        Object.assign(data, {
          cost,
          tokens: tokensJson(last, subsetStyle),
          finish: 'stop',
          time: { created: at + 100, completed: at + 2000 },
        });
        insertMessage.run(assistantId, sessionID, at + 100, at + 2000, JSON.stringify(data));
        steps.forEach((step, i) => {
          const partData = {
            type: 'step-finish',
            reason: 'stop',
            tokens: tokensJson(step, subsetStyle),
            cost: cost / steps.length,
          };
          insertPart.run(nextId('prt'), assistantId, sessionID, at + 200 + i, at + 200 + i, JSON.stringify(partData));
        });
        insertPart.run(
          nextId('prt'),
          assistantId,
          sessionID,
          at + 150,
          at + 150,
          JSON.stringify({ type: 'text', text: 'step-finish mentioned in text' }),
        );
        truthEntry.tokensKnown = true;
        truthEntry.requests += 1;
        for (const step of steps) {
          truthEntry.input += step.input;
          truthEntry.output += subsetStyle ? step.output : step.output + step.reasoning;
          truthEntry.reasoning += step.reasoning;
          truthEntry.cacheRead += step.read;
          truthEntry.cacheWrite += step.write;
        }
        if (options.legacy !== false && legacyMessages.length < 3)
          legacyMessages.push({ id: assistantId, sessionID, data, steps });
      }
    }
    db.close();
  }

  if (options.legacy !== false) {
    const storage = join(root, 'storage');
    // The same messages again in the legacy tree (a store migrated to SQLite keeps its files):
    // one message, never counted twice. One of them as an earlier, still-streaming copy.
    for (const [i, m] of legacyMessages.entries()) {
      const data =
        i === 0
          ? {
              ...m.data,
              tokens: { input: 0, output: 0, reasoning: 0, cache: { read: 0, write: 0 } },
              time: { created: (m.data['time'] as { created: number }).created },
            }
          : m.data;
      await writeJson(join(storage, 'message', m.sessionID, `${m.id}.json`), {
        id: m.id,
        sessionID: m.sessionID,
        ...data,
      });
    }
    // A legacy-only session with its session file, a user message and a two-step reply.
    const sessionID = nextId('ses');
    const directory = '/work/legacy-project';
    const t0 = base - 86_400_000;
    await writeJson(join(storage, 'session', 'proj', `${sessionID}.json`), {
      id: sessionID,
      version: '0.15.0',
      projectID: 'proj',
      directory,
      title: 'Legacy session',
      time: { created: t0, updated: t0 + 5000 },
    });
    const userId = nextId('msg');
    await writeJson(join(storage, 'message', sessionID, `${userId}.json`), {
      id: userId,
      sessionID,
      role: 'user',
      time: { created: t0 + 1000 },
    });
    const assistantId = nextId('msg');
    const steps = [stepOf(rng, true), stepOf(rng, true)];
    const last = steps[1] as StepTokens;
    await writeJson(join(storage, 'message', sessionID, `${assistantId}.json`), {
      id: assistantId,
      sessionID,
      role: 'assistant',
      modelID: 'gpt-5.1-codex',
      providerID: 'openai',
      path: { cwd: directory, root: directory },
      cost: 0.0123,
      tokens: tokensJson(last, true),
      time: { created: t0 + 1100, completed: t0 + 4000 },
    });
    for (const [i, step] of steps.entries()) {
      await writeJson(join(storage, 'part', assistantId, `prt_${i}.json`), {
        id: `prt_${i}`,
        messageID: assistantId,
        sessionID,
        type: 'step-finish',
        tokens: tokensJson(step, true),
      });
    }
    await writeJson(join(storage, 'part', assistantId, 'prt_text.json'), {
      id: 'prt_text',
      messageID: assistantId,
      sessionID,
      type: 'text',
      text: 'hello',
    });
    const entry = ensureTruth(truth, sessionID, directory);
    entry.tokensKnown = true;
    entry.requests += 1;
    for (const step of steps) {
      entry.input += step.input;
      entry.output += step.output;
      entry.reasoning += step.reasoning;
      entry.cacheRead += step.read;
      entry.cacheWrite += step.write;
    }
  }
  return { root, truth };
}
