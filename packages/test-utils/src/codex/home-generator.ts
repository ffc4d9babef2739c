import { join } from 'node:path';
import { LineWriter } from '../claude/line-writer.js';
import { Prng } from '../claude/prng.js';
import {
  codexLegacyHeaderLine,
  codexLegacyMessageLine,
  codexLegacyStateLine,
  codexResponseMessageLine,
  codexSessionMetaLine,
  codexSessionPath,
  codexThreadSpawnSource,
  codexTokenCountLine,
  codexTurnContextLine,
  codexUserMessageLine,
} from './lines.js';
import { CodexUsageTape } from './session-writer.js';

export interface CodexHomeOptions {
  sessions: number;
  requestsPerSession: number;
  seed: number;
  /** First session start (ISO UTC); sessions follow one hour apart. */
  start?: string;
  /** Every n-th session is moved to `archived_sessions/`; 0 = never. */
  archiveEvery?: number;
  /** Every n-th session is a legacy (pre-Sept-2025) file without token counts; 0 = never. */
  legacyEvery?: number;
  /** Every n-th session spawns a thread_spawn child that replays its token counts; 0 = never. */
  spawnEvery?: number;
}

interface CodexSessionTruth {
  id: string;
  parentId: string | null;
  projectPath: string | null;
  tokensKnown: boolean;
  requests: number;
  models: string[];
  /** In Rimuru's classes. */
  tokens: { input: number; cacheRead: number; output: number; reasoning: number };
  /** ISO UTC of the session's earliest and latest timestamp (session_meta creation time included). */
  startedAt?: string;
  endedAt?: string;
}

export interface CodexHomeTruth {
  /** The Codex home (pass as `CODEX_HOME`, or it is `<home>/.codex`). */
  codexHome: string;
  files: number;
  bytes: number;
  sessions: CodexSessionTruth[];
}

const MODELS = ['gpt-5.3-codex', 'gpt-5.5', 'gpt-5.2-codex', 'o4-mini'] as const;
const PROJECTS = ['/home/dev/app', '/home/dev/api', '/srv/monorepo'] as const;

function at(base: number, seconds: number): string {
  return new Date(base + seconds * 1000).toISOString();
}

/**
 * Writes a deterministic synthetic Codex home under `<homeDir>/.codex` and returns what an
 * adapter must find in it: re-emits after about half of the requests, model switches, resumed
 * processes whose counters restart, archived files, legacy files and thread_spawn children.
 */
export async function generateCodexHome(homeDir: string, options: CodexHomeOptions): Promise<CodexHomeTruth> {
  const rng = new Prng(options.seed);
  const codexHome = join(homeDir, '.codex');
  const start = Date.parse(options.start ?? '2026-03-01T08:00:00.000Z');
  const truth: CodexHomeTruth = { codexHome, files: 0, bytes: 0, sessions: [] };

  for (let i = 0; i < options.sessions; i += 1) {
    const base = start + i * 3_600_000;
    const id = rng.uuid();
    const startedAt = at(base, 0);
    const archived =
      options.archiveEvery !== undefined && options.archiveEvery > 0 && (i + 1) % options.archiveEvery === 0;
    const relative = archived
      ? `archived_sessions/${codexSessionPath(startedAt, id).split('/').pop()}`
      : codexSessionPath(startedAt, id);
    const writer = new LineWriter(join(codexHome, relative));
    const cwd = rng.pick(PROJECTS);

    if (options.legacyEvery !== undefined && options.legacyEvery > 0 && (i + 1) % options.legacyEvery === 0) {
      await writer.add(codexLegacyHeaderLine({ id, timestamp: startedAt }));
      for (let r = 0; r < options.requestsPerSession; r += 1) {
        await writer.add(codexLegacyStateLine());
        await writer.add(codexLegacyMessageLine(r % 2 === 0 ? 'user' : 'assistant', `message ${r}`));
      }
      await finish(writer, truth);
      truth.sessions.push({
        id,
        parentId: null,
        projectPath: null,
        tokensKnown: false,
        requests: 0,
        models: [],
        tokens: { input: 0, cacheRead: 0, output: 0, reasoning: 0 },
        startedAt,
        endedAt: startedAt,
      });
      continue;
    }

    const tape = new CodexUsageTape();
    const models = new Set<string>();
    let model: string = rng.pick(MODELS);
    let t = 1;
    await writer.add(codexSessionMetaLine({ timestamp: at(base, t), startedAt, id, cwd }));
    await writer.add(codexTurnContextLine({ timestamp: at(base, (t += 1)), model, cwd }));
    await writer.add(codexTokenCountLine({ timestamp: at(base, (t += 1)), total: null }));
    const replayLines: string[] = [];
    for (let r = 0; r < options.requestsPerSession; r += 1) {
      if (rng.chance(0.1)) {
        model = rng.pick(MODELS);
        await writer.add(codexTurnContextLine({ timestamp: at(base, (t += 1)), model, cwd }));
      }
      await writer.add(codexUserMessageLine(at(base, (t += 2)), `request ${r}`));
      const input = rng.int(2_000, 60_000);
      const usage = { input, cached: rng.int(0, input), output: rng.int(10, 3_000), reasoning: 0 };
      usage.reasoning = rng.int(0, usage.output);
      const resumed = r > 0 && rng.chance(0.05);
      if (resumed) await writer.add(codexSessionMetaLine({ timestamp: at(base, (t += 1)), id, cwd }));
      const line = resumed ? tape.reset(at(base, (t += 3)), usage) : tape.request(at(base, (t += 3)), usage);
      await writer.add(line);
      replayLines.push(line);
      models.add(model);
      if (rng.chance(0.5)) await writer.add(tape.reemit(at(base, (t += 1))));
      await writer.add(codexResponseMessageLine(at(base, (t += 1)), 'assistant', `answer ${r}`));
    }
    await finish(writer, truth);
    truth.sessions.push({
      id,
      parentId: null,
      projectPath: cwd,
      tokensKnown: options.requestsPerSession > 0,
      requests: tape.requests,
      models: [...models].sort(),
      tokens: tape.expected(),
      startedAt,
      endedAt: at(base, t),
    });

    if (
      options.spawnEvery !== undefined &&
      options.spawnEvery > 0 &&
      (i + 1) % options.spawnEvery === 0 &&
      replayLines.length > 0
    ) {
      truth.sessions.push(await writeChild(codexHome, rng, base + t * 1000, id, cwd, replayLines.length, truth));
    }
  }
  return truth;
}

async function writeChild(
  codexHome: string,
  rng: Prng,
  base: number,
  parentId: string,
  cwd: string,
  replayCount: number,
  truth: CodexHomeTruth,
): Promise<CodexSessionTruth> {
  const id = rng.uuid();
  const startedAt = at(base, 5);
  const writer = new LineWriter(join(codexHome, codexSessionPath(startedAt, id)));
  await writer.add(codexSessionMetaLine({ timestamp: startedAt, id, cwd, source: codexThreadSpawnSource(parentId) }));
  await writer.add(codexSessionMetaLine({ timestamp: startedAt, id: parentId, cwd }));
  // The parent's history, replayed within one second (its totals grow like the parent's did).
  const replay = new CodexUsageTape();
  for (let r = 0; r < replayCount; r += 1) {
    await writer.add(
      replay.request(new Date(base + 5_000 + Math.floor((r * 999) / replayCount)).toISOString(), {
        input: 1_000 + r,
        cached: 500,
        output: 50,
      }),
    );
  }
  const own = new CodexUsageTape();
  await writer.add(codexTurnContextLine({ timestamp: at(base, 7), model: 'gpt-5.4-mini', cwd }));
  const requests = rng.int(1, 4);
  for (let r = 0; r < requests; r += 1) {
    await writer.add(
      own.request(at(base, 10 + r * 5), { input: rng.int(500, 5_000), cached: 200, output: rng.int(5, 300) }),
    );
  }
  await finish(writer, truth);
  return {
    id,
    parentId,
    projectPath: cwd,
    tokensKnown: true,
    requests,
    models: ['gpt-5.4-mini'],
    tokens: own.expected(),
    startedAt,
    endedAt: at(base, 10 + (requests - 1) * 5),
  };
}

async function finish(writer: LineWriter, truth: CodexHomeTruth): Promise<void> {
  await writer.close();
  truth.files += 1;
  truth.bytes += writer.bytes;
}
