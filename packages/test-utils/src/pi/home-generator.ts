import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Prng } from '../claude/prng.js';
import { addTruth, callSize, PiSessionLines, ZERO_TRUTH, type PiTokensTruth, type PiUsageStyle } from './lines.js';

export interface PiHomeOptions {
  sessions: number;
  callsPerSession: number;
  seed: number;
  /** First session start (ISO UTC); sessions follow one hour apart. */
  start?: string;
  /** Every n-th session gets a branched file that copies its entries (pi `/fork`); 0 = never. */
  branchEvery?: number;
  /** Write under `<home>/custom-pi/sessions` and return `PI_AGENT_DIR` instead of the default home. */
  envRoot?: boolean;
}

interface PiSessionTruth {
  sessionId: string;
  parentId: string | null;
  projectPath: string;
  tokens: PiTokensTruth;
  /** Calls with non-zero usage (aborted calls bill nothing). */
  requestCount: number;
  models: string[];
  recordedCostUsd: number;
  startedAt: string;
  endedAt: string;
  title: string | null;
}

export interface PiHomeTruth {
  /** The sessions directory written to. */
  sessionsDir: string;
  env: Record<string, string>;
  files: string[];
  sessions: PiSessionTruth[];
}

const PROJECTS = ['/home/dev/app', '/home/dev/api-server', '/srv/mono-repo'] as const;
const MODELS: readonly [string, string, PiUsageStyle][] = [
  ['claude-sonnet-4-5', 'anthropic', 'anthropic'],
  ['gpt-5.2', 'openai', 'openai'],
  ['gemini-2.5-pro', 'google', 'google'],
];

/** pi's directory name for a working directory: `/` (and `\`, `:`) become `-`, wrapped in `--`. */
function piProjectDir(cwd: string): string {
  return `--${cwd.replace(/^[/\\]/, '').replace(/[/\\:]/g, '-')}--`;
}

function piFileName(at: number, id: string): string {
  return `${new Date(at).toISOString().replace(/[:.]/g, '-')}_${id}.jsonl`;
}

/**
 * Writes a deterministic synthetic pi home and returns what an adapter must find in it: mixed
 * providers (Google's input includes cached tokens), aborted zero-usage calls, model changes
 * with calls that name no model, compactions, session names, and branched files that repeat
 * their parent's entries (each call counted once, for the parent).
 */
export async function generatePiHome(homeDir: string, options: PiHomeOptions): Promise<PiHomeTruth> {
  const rng = new Prng(options.seed);
  const sessionsDir =
    options.envRoot === true ? join(homeDir, 'custom-pi', 'sessions') : join(homeDir, '.pi', 'agent', 'sessions');
  const start = Date.parse(options.start ?? '2026-04-01T08:00:00.000Z');
  const truth: PiHomeTruth = {
    sessionsDir,
    env: options.envRoot === true ? { PI_AGENT_DIR: sessionsDir } : {},
    files: [],
    sessions: [],
  };

  const write = async (cwd: string, at: number, id: string, text: string): Promise<string> => {
    const dir = join(sessionsDir, piProjectDir(cwd));
    await mkdir(dir, { recursive: true });
    const path = join(dir, piFileName(at, id));
    await writeFile(path, text);
    truth.files.push(path);
    return path;
  };

  for (let s = 0; s < options.sessions; s += 1) {
    const base = start + s * 3_600_000;
    const id = rng.uuid();
    const cwd = rng.pick(PROJECTS);
    const lines = new PiSessionLines(rng);
    lines.header({ id, at: base, cwd });
    let t = base + 5;
    lines.entry('thinking_level_change', t, { thinkingLevel: 'off' });
    let tokens = ZERO_TRUTH;
    let requests = 0;
    let cost = 0;
    const models = new Set<string>();
    let current = rng.pick(MODELS);
    lines.entry('model_change', t, { provider: current[1], modelId: current[0] });
    const title = s % 2 === 0 ? `session ${s}` : null;
    for (let c = 0; c < options.callsPerSession; c += 1) {
      t += rng.int(1000, 60_000);
      lines.user(t, `request ${c}`);
      if (c > 0 && rng.chance(0.2)) {
        current = rng.pick(MODELS);
        lines.entry('model_change', t, { provider: current[1], modelId: current[0] });
      }
      const started = t + 10;
      t += rng.int(500, 20_000);
      const aborted = rng.chance(0.15);
      const named = rng.chance(0.8);
      const call = lines.assistant(
        t,
        started,
        named ? current[0] : null,
        current[1],
        aborted ? 'aborted' : current[2],
        callSize(rng),
      );
      if (!aborted) {
        tokens = addTruth(tokens, call.truth);
        requests += 1;
        models.add(current[0]);
        cost += call.cost ?? 0;
      }
      if (c === 1) lines.entry('compaction', t + 1, { summary: 'so far', firstKeptEntryId: 'x', tokensBefore: 1000 });
    }
    if (title !== null) lines.entry('session_info', t + 2, { name: title });
    await write(cwd, base, id, lines.text());
    truth.sessions.push({
      sessionId: id,
      parentId: null,
      projectPath: cwd,
      tokens,
      requestCount: requests,
      models: [...models].sort(),
      recordedCostUsd: cost,
      startedAt: new Date(base).toISOString(),
      endedAt: new Date(t + (title !== null ? 2 : 0)).toISOString(),
      title,
    });

    if (options.branchEvery !== undefined && options.branchEvery > 0 && (s + 1) % options.branchEvery === 0) {
      // A fork: new header (later than every copied entry), the parent's entries verbatim, one new call.
      const branchAt = t + 60_000;
      const branchId = rng.uuid();
      const branch = new PiSessionLines(rng);
      const parentPath = join(sessionsDir, piProjectDir(cwd), piFileName(base, id));
      branch.header({ id: branchId, at: branchAt, cwd, parentSession: parentPath });
      branch.copy(lines.lines.slice(1));
      const own = branch.assistant(branchAt + 5000, branchAt + 100, current[0], current[1], current[2], callSize(rng));
      await write(cwd, branchAt, branchId, branch.text());
      truth.sessions.push({
        sessionId: branchId,
        parentId: id,
        projectPath: cwd,
        tokens: own.truth,
        requestCount: 1,
        models: [current[0]],
        recordedCostUsd: own.cost ?? 0,
        // Copied entries are the parent's activity: the branch starts at its header.
        startedAt: new Date(branchAt).toISOString(),
        endedAt: new Date(branchAt + 5000).toISOString(),
        title,
      });
    }
  }
  truth.files.sort();
  return truth;
}
