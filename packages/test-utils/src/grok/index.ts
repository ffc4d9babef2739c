import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Prng } from '../claude/prng.js';

/** Grok's per-model usage of one turn (inputTokens includes the cached reads). */
interface GrokUsageInit {
  inputTokens: number;
  outputTokens: number;
  cachedReadTokens: number;
  reasoningTokens: number;
  costUsdTicks?: number;
}

/** An `updates.jsonl` line as Grok Build writes it (an ACP session/update notification). */
function grokUpdateLine(init: {
  sessionId: string;
  atMs: number;
  kind: string;
  promptId?: string;
  eventId?: string;
  modelUsage?: Record<string, GrokUsageInit>;
  extra?: Record<string, unknown>;
}): string {
  const update: Record<string, unknown> = { sessionUpdate: init.kind, ...(init.extra ?? {}) };
  if (init.promptId !== undefined) update['prompt_id'] = init.promptId;
  if (init.modelUsage !== undefined) {
    const rows = Object.values(init.modelUsage);
    const sum = (f: keyof GrokUsageInit): number => rows.reduce((a, r) => a + (r[f] ?? 0), 0);
    update['usage'] = {
      inputTokens: sum('inputTokens'),
      outputTokens: sum('outputTokens'),
      totalTokens: sum('inputTokens') + sum('outputTokens'),
      cachedReadTokens: sum('cachedReadTokens'),
      cacheCreationTokens: 0,
      reasoningTokens: sum('reasoningTokens'),
      modelCalls: rows.length,
      modelUsage: Object.fromEntries(
        Object.entries(init.modelUsage).map(([m, r]) => [
          m,
          { ...r, totalTokens: r.inputTokens + r.outputTokens, cacheCreationTokens: 0 },
        ]),
      ),
    };
  }
  return JSON.stringify({
    timestamp: Math.floor(init.atMs / 1000),
    method: '_x.ai/session/update',
    params: {
      sessionId: init.sessionId,
      update,
      _meta: { eventId: init.eventId ?? `ev-${init.atMs}`, agentTimestampMs: init.atMs },
    },
  });
}

function grokSummaryJson(init: {
  id: string;
  cwd: string;
  createdAt: string;
  updatedAt: string;
  model: string;
  title: string;
  parent?: string;
}): string {
  return `${JSON.stringify(
    {
      info: { id: init.id, cwd: init.cwd },
      session_summary: init.title,
      created_at: init.createdAt,
      updated_at: init.updatedAt,
      num_messages: 4,
      current_model_id: init.model,
      ...(init.parent === undefined ? {} : { parent_session_id: init.parent }),
      chat_format_version: 1,
      git_root_dir: `${init.cwd}/`,
      last_active_at: init.updatedAt,
      generated_title: init.title,
      agent_name: 'grok',
    },
    null,
    2,
  )}\n`;
}

export interface GrokHomeOptions {
  sessions: number;
  turnsPerSession: number;
  seed: number;
  /** Every n-th session has no updates.jsonl (tokens unknown); 0 = never. */
  tokenlessEvery?: number;
  start?: string;
}

export interface GrokSessionTruth {
  id: string;
  projectPath: string;
  title: string;
  tokensKnown: boolean;
  models: string[];
  turns: number;
  /** Rimuru classes: input excludes cached reads; reasoning is inside output. */
  tokens: { input: number; output: number; cacheRead: number; reasoning: number };
  costUsd: number;
  startedAt: string;
  endedAt: string;
}

const PROJECTS = ['/home/dev/app', '/home/dev/api'] as const;
const MODELS = ['grok-4.5', 'grok-code-fast-1'] as const;

/**
 * A deterministic synthetic Grok home under `<homeDir>/.grok/sessions`: per session a
 * `summary.json` and (mostly) an `updates.jsonl` with chunks, tool calls and per-turn
 * `turn_completed` usage, some turns with two models and one turn written twice (a replay
 * of the same `prompt_id`, which counts once).
 */
export async function generateGrokHome(
  homeDir: string,
  options: GrokHomeOptions,
): Promise<{ sessionsDir: string; sessions: GrokSessionTruth[] }> {
  const rng = new Prng(options.seed);
  const sessionsDir = join(homeDir, '.grok', 'sessions');
  const start = Date.parse(options.start ?? '2026-07-01T08:00:00.000Z');
  const sessions: GrokSessionTruth[] = [];
  for (let i = 0; i < options.sessions; i += 1) {
    const id = `019f${rng.hex(4)}-${rng.hex(4)}-7${rng.hex(3)}-8${rng.hex(3)}-${rng.hex(12)}`;
    const cwd = rng.pick(PROJECTS);
    const dir = join(sessionsDir, encodeURIComponent(cwd), id);
    await mkdir(dir, { recursive: true });
    const tokenless =
      options.tokenlessEvery !== undefined && options.tokenlessEvery > 0 && (i + 1) % options.tokenlessEvery === 0;
    const base = start + i * 3_600_000;
    let t = base;
    const lines: string[] = [];
    const truth: GrokSessionTruth = {
      id,
      projectPath: cwd,
      title: `Task ${i + 1}`,
      tokensKnown: !tokenless,
      models: [],
      turns: 0,
      tokens: { input: 0, output: 0, cacheRead: 0, reasoning: 0 },
      costUsd: 0,
      startedAt: new Date(base).toISOString(),
      endedAt: '',
    };
    const models = new Set<string>();
    for (let turn = 0; turn < options.turnsPerSession; turn += 1) {
      const promptId = rng.uuid();
      lines.push(
        grokUpdateLine({
          sessionId: id,
          atMs: t,
          kind: 'user_message_chunk',
          extra: { content: { type: 'text', text: `turn ${turn}` } },
        }),
      );
      t += rng.int(1, 20) * 1000;
      lines.push(
        grokUpdateLine({
          sessionId: id,
          atMs: t,
          kind: 'tool_call',
          extra: { toolCallId: rng.hex(8), title: 'read_file' },
        }),
      );
      t += rng.int(1, 20) * 1000;
      const usage: Record<string, GrokUsageInit> = {};
      const pickModels = turn % 3 === 1 ? [...MODELS] : [rng.pick(MODELS)];
      for (const model of pickModels) {
        const cached = rng.int(0, 50_000);
        const output = rng.int(10, 3000);
        usage[model] = {
          inputTokens: cached + rng.int(1, 5000),
          outputTokens: output,
          cachedReadTokens: cached,
          reasoningTokens: rng.int(0, output),
          costUsdTicks: rng.int(1, 5000) * 1_000_000,
        };
      }
      const completed = (at: number, u: Record<string, GrokUsageInit>): string =>
        grokUpdateLine({
          sessionId: id,
          atMs: at,
          kind: 'turn_completed',
          promptId,
          eventId: rng.uuid(),
          modelUsage: u,
          extra: { stop_reason: 'end_turn' },
        });
      if (turn === 0 && options.turnsPerSession > 1) {
        // An earlier, smaller copy of the same turn: the later copy replaces it.
        const smaller = Object.fromEntries(
          Object.entries(usage).map(([m, r]) => [m, { ...r, outputTokens: 1, reasoningTokens: 0 }]),
        );
        lines.push(completed(t - 500, smaller));
      }
      lines.push(completed(t, usage));
      for (const [model, r] of Object.entries(usage)) {
        models.add(model);
        truth.tokens.input += r.inputTokens - r.cachedReadTokens;
        truth.tokens.output += r.outputTokens;
        truth.tokens.cacheRead += r.cachedReadTokens;
        truth.tokens.reasoning += r.reasoningTokens;
        truth.costUsd += (r.costUsdTicks ?? 0) / 1e10;
      }
      truth.turns += Object.keys(usage).length;
      t += rng.int(5, 60) * 1000;
    }
    const lastAt = t - 5000;
    truth.endedAt = new Date(lastAt).toISOString();
    await writeFile(
      join(dir, 'summary.json'),
      grokSummaryJson({
        id,
        cwd,
        createdAt: truth.startedAt,
        updatedAt: truth.endedAt,
        model: MODELS[0],
        title: truth.title,
      }),
    );
    await writeFile(
      join(dir, 'chat_history.jsonl'),
      `${JSON.stringify({ type: 'user', content: [{ type: 'text', text: 'hi' }] })}\n`,
    );
    if (tokenless) {
      truth.models = [MODELS[0]];
      truth.tokens = { input: 0, output: 0, cacheRead: 0, reasoning: 0 };
      truth.costUsd = 0;
      truth.turns = 0;
    } else {
      await writeFile(join(dir, 'updates.jsonl'), `${lines.join('\n')}\n`);
      truth.models = [...models].sort();
    }
    sessions.push(truth);
  }
  return { sessionsDir, sessions };
}
