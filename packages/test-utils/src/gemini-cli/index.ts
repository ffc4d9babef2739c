import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { addTokens, ZERO_TOKENS, type TokenCounts } from '@rimuru/core';
import { Prng } from '../claude/prng.js';

/** gemini-cli's `TokensSummary`: `input` is the prompt INCLUDING `cached`; thoughts and tool apart. */
export interface GeminiTokensSummary {
  input: number;
  output: number;
  cached: number;
  thoughts: number;
  tool: number;
  total: number;
}

export function geminiTokens(init: {
  prompt: number;
  cached?: number;
  output: number;
  thoughts?: number;
  tool?: number;
}): GeminiTokensSummary {
  const cached = init.cached ?? 0;
  const thoughts = init.thoughts ?? 0;
  const tool = init.tool ?? 0;
  return {
    input: init.prompt,
    output: init.output,
    cached,
    thoughts,
    tool,
    total: init.prompt + init.output + thoughts + tool,
  };
}

/** What one Gemini message costs in Rimuru's classes, stated from the raw API numbers. */
function geminiTruthTokens(t: GeminiTokensSummary): TokenCounts {
  return {
    input: t.input - t.cached + t.tool,
    output: t.output + t.thoughts,
    cacheRead: t.cached,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    reasoning: t.thoughts,
  };
}

export function geminiUserMessage(id: string, timestamp: string, text = 'do the thing'): Record<string, unknown> {
  return { id, timestamp, type: 'user', content: [{ text }] };
}

export function geminiModelMessage(
  id: string,
  timestamp: string,
  tokens: GeminiTokensSummary | null,
  model = 'gemini-2.5-pro',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id, timestamp, type: 'gemini', content: 'ok', thoughts: [], tokens, model, ...extra };
}

export function geminiJsonl(records: readonly unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

interface GeminiSessionTruth {
  id: string;
  parentId: string | null;
  projectPath: string | null;
  requests: number;
  tokens: TokenCounts;
  models: string[];
  tokensKnown: boolean;
}

export interface GeminiHomeTruth {
  sessions: GeminiSessionTruth[];
  files: number;
}

export interface GeminiHomeOptions {
  sessions: number;
  messagesPerSession: number;
  seed: number;
}

const MODELS = ['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-3-flash-preview'];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A synthetic `~/.gemini` with every shape the adapter must handle: slug project folders with
 * `.project_root` markers and a legacy hash folder without one; whole JSON chats; JSONL logs
 * whose messages are written before their tokens and rewritten with tool calls, patched by
 * `$set` (lastUpdated, summary, a compression that repeats every message), rewound with
 * `$rewindTo` (the rewound answer was billed and counts), subagent logs under
 * `chats/<parentId>/`, a legacy `.json` beside its migrated `.jsonl` (the same messages,
 * counted once), interrupted all-zero turns, and a session without any tokens.
 */
export async function generateGeminiHome(home: string, options: GeminiHomeOptions): Promise<GeminiHomeTruth> {
  const rng = new Prng(options.seed);
  const tmp = join(home, '.gemini', 'tmp');
  const sessions: GeminiSessionTruth[] = [];
  let files = 0;
  const write = async (path: string, content: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  };
  const projects = [
    { dir: join(tmp, 'alpha'), root: '/work/alpha' as string | null },
    { dir: join(tmp, 'beta-2'), root: '/work/beta' as string | null },
    { dir: join(tmp, 'f'.repeat(64)), root: null },
  ];
  for (const p of projects) if (p.root !== null) await write(join(p.dir, '.project_root'), `${p.root}\n`);
  await write(join(projects[0]!.dir, 'logs.json'), '[]');

  let clock = Date.parse('2025-09-01T08:00:00.000Z');
  for (let s = 0; s < options.sessions; s += 1) {
    const project = projects[s % projects.length]!;
    const id = rng.uuid();
    const kind = s % 5 === 4 ? 'json+migrated' : s % 2 === 0 ? 'json' : 'jsonl';
    const tokenless = s % 7 === 6;
    const truth: GeminiSessionTruth = {
      id,
      parentId: null,
      projectPath: project.root,
      requests: 0,
      tokens: { ...ZERO_TOKENS },
      models: [],
      tokensKnown: false,
    };
    const startMs = clock;
    const messages: Record<string, unknown>[] = [];
    const lines: unknown[] = [
      { sessionId: id, projectHash: 'h', startTime: iso(startMs), lastUpdated: iso(startMs), kind: 'main' },
    ];
    const models = new Set<string>();
    for (let m = 0; m < options.messagesPerSession; m += 1) {
      clock += rng.int(1_000, 60_000);
      const user = geminiUserMessage(`${id}-u${m}`, iso(clock));
      messages.push(user);
      lines.push(user);
      clock += rng.int(500, 20_000);
      const model = rng.pick(MODELS);
      const interrupted = rng.chance(0.1);
      const prompt = rng.int(1_000, 200_000);
      const tokens = tokenless
        ? null
        : interrupted
          ? geminiTokens({ prompt: 0, output: 0 })
          : geminiTokens({
              prompt,
              cached: rng.chance(0.6) ? rng.int(0, prompt) : 0,
              output: rng.int(1, 4_000),
              thoughts: rng.chance(0.5) ? rng.int(0, 2_000) : 0,
              tool: rng.chance(0.2) ? rng.int(0, 300) : 0,
            });
      const answer = geminiModelMessage(`${id}-g${m}`, iso(clock), tokens, model);
      messages.push(answer);
      // The log writes the answer first without tokens, then with them, then with its tool calls.
      lines.push({ ...answer, tokens: null }, answer, {
        ...answer,
        toolCalls: [{ id: `call-${m}`, name: 'ls', args: {}, status: 'success', timestamp: iso(clock + 5) }],
      });
      lines.push({ $set: { lastUpdated: iso(clock + 10) } });
      if (tokens !== null) {
        truth.tokensKnown = true;
        if (tokens.total > 0) {
          truth.requests += 1;
          models.add(model);
          truth.tokens = addTokens(truth.tokens, geminiTruthTokens(tokens));
        }
      }
      if (kind === 'jsonl' && m === 1) lines.push({ $rewindTo: `${id}-u1` }); // the user rewound: the answer stays billed
      if (kind === 'jsonl' && m === 2) lines.push({ $set: { messages: messages.slice(-3) } }); // a compression
    }
    lines.push({ $set: { summary: `session ${s}` } });
    // Models of billed requests (an interrupted all-zero turn is no request).
    truth.models = [...models].sort();
    const doc = {
      sessionId: id,
      projectHash: 'h',
      startTime: iso(startMs),
      lastUpdated: iso(clock + 10),
      summary: `session ${s}`,
      messages,
    };
    const chats = join(project.dir, 'chats');
    const stem = `session-${iso(startMs).slice(0, 16).replace(/:/g, '-')}-${id.slice(0, 8)}`;
    if (kind !== 'jsonl') {
      await write(join(chats, `${stem}.json`), JSON.stringify(doc, null, 2));
      files += 1;
    }
    if (kind !== 'json') {
      await write(join(chats, `${stem}.jsonl`), geminiJsonl(lines));
      files += 1;
    }
    sessions.push(truth);
    if (kind === 'jsonl') {
      // A subagent: its own session, named by its file, nested under the parent's id.
      const subId = rng.uuid();
      clock += 1_000;
      const subTokens = geminiTokens({ prompt: rng.int(100, 9_000), cached: 50, output: rng.int(1, 500), thoughts: 7 });
      const sub = [
        {
          sessionId: subId,
          projectHash: 'h',
          startTime: iso(clock),
          lastUpdated: iso(clock),
          kind: 'subagent',
          directories: ['/work/subagent-root'],
        },
        geminiUserMessage(`${subId}-u`, iso(clock + 1)),
        geminiModelMessage(`${subId}-g`, iso(clock + 2), subTokens, 'gemini-2.5-flash'),
      ];
      await write(join(chats, id, `${subId}.jsonl`), geminiJsonl(sub));
      files += 1;
      sessions.push({
        id: subId,
        parentId: id,
        projectPath: project.root ?? '/work/subagent-root',
        requests: 1,
        tokens: geminiTruthTokens(subTokens),
        models: ['gemini-2.5-flash'],
        tokensKnown: true,
      });
    }
    clock += 3_600_000;
  }
  return { sessions, files };
}
