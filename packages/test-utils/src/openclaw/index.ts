import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Prng } from '../claude/prng.js';
import { addTruth, callSize, PiSessionLines, ZERO_TRUTH, type PiTokensTruth, type PiUsageStyle } from '../pi/lines.js';

export interface OpenclawHomeOptions {
  sessions: number;
  callsPerSession: number;
  seed: number;
  start?: string;
}

interface OpenclawSessionTruth {
  sessionId: string;
  projectPath: string;
  /** Null: a transcript that keeps no usage (tokens unknown). */
  tokens: PiTokensTruth | null;
  requestCount: number;
  models: string[];
  startedAt: string;
  endedAt: string;
}

export interface OpenclawHomeTruth {
  files: string[];
  sessions: OpenclawSessionTruth[];
}

const HOMES = ['.openclaw', '.openclaw', '.clawdbot', '.moltbot'] as const;
const AGENTS = ['main', 'work'] as const;
const MODELS: readonly [string, string, PiUsageStyle][] = [
  ['gpt-5.4', 'openai-codex', 'openai'],
  ['claude-sonnet-4-6', 'anthropic', 'anthropic'],
  ['qwen3-coder', 'ollama', 'openai'],
];

/**
 * Writes a deterministic synthetic OpenClaw home (and legacy Clawdbot/Moltbot homes) and returns
 * what an adapter must find: pi-format sessions with `custom/model-snapshot` entries and calls
 * naming no model, failed zero-usage calls, `.jsonl.reset.<ts>` / `.jsonl.deleted.<ts>` archives,
 * a live file that also exists as an archive copy (a rename seen half-way), and transcripts
 * whose assistant messages carry no usage at all.
 */
export async function generateOpenclawHome(homeDir: string, options: OpenclawHomeOptions): Promise<OpenclawHomeTruth> {
  const rng = new Prng(options.seed);
  const start = Date.parse(options.start ?? '2026-03-01T08:00:00.000Z');
  const truth: OpenclawHomeTruth = { files: [], sessions: [] };
  const write = async (relative: string, text: string): Promise<void> => {
    const path = join(homeDir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    truth.files.push(path);
  };

  for (let s = 0; s < options.sessions; s += 1) {
    const base = start + s * 3_600_000;
    const id = rng.uuid();
    const cwd = `/home/claw/workspace-${s % 3}`;
    const tokenless = s % 5 === 4;
    const lines = new PiSessionLines(rng);
    lines.header({ id, at: base, cwd });
    let current = rng.pick(MODELS);
    lines.entry('model_change', base + 1, { provider: current[1], modelId: current[0] });
    let tokens = ZERO_TRUTH;
    let requests = 0;
    const models = new Set<string>();
    let t = base + 1;
    for (let c = 0; c < options.callsPerSession; c += 1) {
      t += rng.int(1000, 30_000);
      lines.user(t, `task ${c}`);
      if (rng.chance(0.25)) {
        current = rng.pick(MODELS);
        lines.entry('custom', t, {
          customType: 'model-snapshot',
          data: { provider: current[1], modelId: current[0], timestamp: t },
        });
      }
      t += rng.int(500, 9000);
      if (tokenless) {
        lines.entry('message', t, {
          message: { role: 'assistant', model: current[0], content: [{ type: 'text', text: 'ok' }] },
        });
        requests += 1;
        models.add(current[0]);
        continue;
      }
      const failed = rng.chance(0.15);
      const call = lines.assistant(
        t,
        t - 400,
        rng.chance(0.5) ? current[0] : null,
        current[1],
        failed ? 'aborted' : current[2],
        callSize(rng),
      );
      if (!failed) {
        tokens = addTruth(tokens, call.truth);
        requests += 1;
        models.add(current[0]);
      }
    }
    const home = HOMES[s % HOMES.length] as string;
    const dir = `${home}/agents/${AGENTS[s % AGENTS.length] as string}/sessions`;
    const archive = s % 3;
    const name =
      archive === 1
        ? `${id}.jsonl.reset.${new Date(t + 1000).toISOString().replace(/:/g, '-')}`
        : archive === 2
          ? `${id}.jsonl.deleted.${t + 1000}`
          : `${id}.jsonl`;
    await write(`${dir}/${name}`, lines.text());
    // A rename caught half-way: the live file's bytes also exist under the archive's name.
    if (s % 4 === 3) await write(`${dir}/${id}.jsonl.reset.${t + 5000}`, lines.text());
    truth.sessions.push({
      sessionId: id,
      projectPath: cwd,
      tokens: tokenless ? null : tokens,
      requestCount: requests,
      models: [...models].sort(),
      startedAt: new Date(base).toISOString(),
      endedAt: new Date(t).toISOString(),
    });
  }
  truth.files.sort();
  return truth;
}
