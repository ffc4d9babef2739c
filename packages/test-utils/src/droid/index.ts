import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Prng } from '../claude/prng.js';

/** Droid's cumulative `tokenUsage` classes. */
interface DroidUsageInit {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  thinkingTokens: number;
}

export interface DroidSettingsInit {
  model?: string;
  providerLock?: string;
  providerLockTimestamp?: string;
  tokenUsage?: DroidUsageInit;
}

/** A `<uuid>.settings.json` document as Droid writes it (pretty-printed, extra settings kept). */
export function droidSettingsJson(init: DroidSettingsInit): string {
  const doc: Record<string, unknown> = { reasoningEffort: 'medium', autonomyMode: 'auto-low', ...init };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The `<cwd-slug>` folder Droid files a session under (`/home/a/b` → `-home-a-b`). */
function droidCwdSlug(cwd: string): string {
  return cwd.replace(/[\\/:]/g, '-');
}

export interface DroidHomeOptions {
  sessions: number;
  requestsPerSession: number;
  seed: number;
  /** Every n-th session has no settings file (tokens unknown); 0 = never. */
  tokenlessEvery?: number;
  /** First session start (ISO UTC); sessions follow one hour apart. */
  start?: string;
}

interface DroidSessionTruth {
  id: string;
  projectPath: string;
  title: string;
  tokensKnown: boolean;
  model: string | null;
  /** In Rimuru's classes (output includes thinking). */
  tokens: { input: number; output: number; cacheRead: number; cacheWrite: number; reasoning: number };
  startedAt: string;
  endedAt: string;
  transcriptPath: string;
  settingsPath: string | null;
}

export interface DroidHomeTruth {
  sessionsDir: string;
  sessions: DroidSessionTruth[];
}

const MODELS = ['custom:Claude-Opus-4.5-Thinking-[Anthropic]-0', 'claude-sonnet-4-5-20250929', 'gpt-5-codex'] as const;
const PROJECTS = ['/home/dev/app', '/home/dev/api', '/srv/mono repo'] as const;

/**
 * Writes a deterministic synthetic Droid home under `<homeDir>/.factory/sessions` and returns
 * what an adapter must find: transcripts with `session_start`, messages and `todo_state`
 * lines, and beside most of them a settings file whose `tokenUsage` is the session's
 * cumulative total (mtime set to the last message, as Droid rewrites it after each turn).
 */
export async function generateDroidHome(homeDir: string, options: DroidHomeOptions): Promise<DroidHomeTruth> {
  const rng = new Prng(options.seed);
  const sessionsDir = join(homeDir, '.factory', 'sessions');
  const start = Date.parse(options.start ?? '2026-04-01T09:00:00.000Z');
  const truth: DroidHomeTruth = { sessionsDir, sessions: [] };
  for (let i = 0; i < options.sessions; i += 1) {
    const id = rng.uuid();
    const cwd = rng.pick(PROJECTS);
    const model = rng.pick(MODELS);
    const title = `Session ${i + 1}`;
    const dir = join(sessionsDir, droidCwdSlug(cwd));
    await mkdir(dir, { recursive: true });
    const base = start + i * 3_600_000;
    const lines: string[] = [
      JSON.stringify({ type: 'session_start', id, title, sessionTitle: title, owner: 'dev', version: 2, cwd }),
    ];
    const usage: DroidUsageInit = {
      inputTokens: 0,
      outputTokens: 0,
      cacheCreationTokens: 0,
      cacheReadTokens: 0,
      thinkingTokens: 0,
    };
    let t = base;
    let parent: string | null = null;
    for (let r = 0; r < options.requestsPerSession; r += 1) {
      const userId = rng.uuid();
      lines.push(
        JSON.stringify({
          type: 'message',
          id: userId,
          parentId: parent,
          timestamp: new Date(t).toISOString(),
          message: { role: 'user', content: [{ type: 'text', text: `step ${r}` }] },
        }),
      );
      t += rng.int(1, 30) * 1000;
      const assistantId = rng.uuid();
      lines.push(
        JSON.stringify({
          type: 'message',
          id: assistantId,
          parentId: userId,
          timestamp: new Date(t).toISOString(),
          message: { role: 'assistant', content: [{ type: 'text', text: 'ok' }] },
        }),
      );
      parent = assistantId;
      usage.inputTokens += rng.int(10, 3000);
      usage.outputTokens += rng.int(5, 800);
      usage.cacheCreationTokens += rng.int(0, 2000);
      usage.cacheReadTokens += rng.int(0, 20000);
      usage.thinkingTokens += rng.int(0, 300);
      if (r % 3 === 2)
        lines.push(
          JSON.stringify({
            type: 'todo_state',
            id: rng.uuid(),
            timestamp: new Date(t).toISOString(),
            todos: '1. [completed] step',
          }),
        );
      t += rng.int(1, 60) * 1000;
    }
    const transcriptPath = join(dir, `${id}.jsonl`);
    await writeFile(transcriptPath, `${lines.join('\n')}\n`);
    const tokenless =
      options.tokenlessEvery !== undefined && options.tokenlessEvery > 0 && (i + 1) % options.tokenlessEvery === 0;
    let settingsPath: string | null = null;
    const end = t - 1000;
    if (!tokenless) {
      settingsPath = join(dir, `${id}.settings.json`);
      await writeFile(
        settingsPath,
        droidSettingsJson({
          model,
          providerLock: 'anthropic',
          providerLockTimestamp: new Date(base).toISOString(),
          tokenUsage: usage,
        }),
      );
      const when = new Date(end);
      await utimes(settingsPath, when, when);
    }
    truth.sessions.push({
      id,
      projectPath: cwd,
      title,
      tokensKnown: !tokenless,
      model: tokenless ? null : model,
      tokens: tokenless
        ? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 }
        : {
            input: usage.inputTokens,
            output: usage.outputTokens + usage.thinkingTokens,
            cacheRead: usage.cacheReadTokens,
            cacheWrite: usage.cacheCreationTokens,
            reasoning: usage.thinkingTokens,
          },
      startedAt: new Date(base).toISOString(),
      endedAt: new Date(tokenless ? lastMessageAt(lines) : Math.max(end, lastMessageAt(lines))).toISOString(),
      transcriptPath,
      settingsPath,
    });
  }
  return truth;
}

function lastMessageAt(lines: readonly string[]): number {
  let last = 0;
  for (const line of lines) {
    const ts = (JSON.parse(line) as { timestamp?: string }).timestamp;
    if (ts !== undefined) last = Math.max(last, Date.parse(ts));
  }
  return last;
}
