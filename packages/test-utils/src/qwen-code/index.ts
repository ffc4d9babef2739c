import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { addTokens, ZERO_TOKENS, type TokenCounts } from '@rimuru/core';
import { Prng } from '../claude/prng.js';

/** The API usage metadata Qwen Code stores on an assistant record; prompt INCLUDES cached. */
export interface QwenUsage {
  promptTokenCount: number;
  candidatesTokenCount: number;
  cachedContentTokenCount: number;
  thoughtsTokenCount: number;
  totalTokenCount: number;
}

export function qwenUsage(init: { prompt: number; cached?: number; output: number; thoughts?: number }): QwenUsage {
  const thoughts = init.thoughts ?? 0;
  return {
    promptTokenCount: init.prompt,
    candidatesTokenCount: init.output,
    cachedContentTokenCount: init.cached ?? 0,
    thoughtsTokenCount: thoughts,
    totalTokenCount: init.prompt + init.output + thoughts,
  };
}

/** One call in Rimuru's classes, stated from the raw numbers. */
function qwenTruthTokens(u: QwenUsage): TokenCounts {
  return {
    input: u.promptTokenCount - u.cachedContentTokenCount,
    output: u.candidatesTokenCount + u.thoughtsTokenCount,
    cacheRead: u.cachedContentTokenCount,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    reasoning: u.thoughtsTokenCount,
  };
}

export interface QwenRecordInit {
  uuid: string;
  parentUuid?: string | null;
  sessionId: string;
  timestamp: string;
  cwd: string;
}

function base(init: QwenRecordInit, type: string): Record<string, unknown> {
  return {
    uuid: init.uuid,
    parentUuid: init.parentUuid ?? null,
    sessionId: init.sessionId,
    timestamp: init.timestamp,
    type,
    cwd: init.cwd,
    version: '0.18.1',
    gitBranch: 'main',
  };
}

export function qwenUserLine(init: QwenRecordInit, text = 'do it'): Record<string, unknown> {
  return { ...base(init, 'user'), message: { role: 'user', parts: [{ text }] } };
}

export function qwenAssistantLine(init: QwenRecordInit, model: string, usage?: QwenUsage): Record<string, unknown> {
  return {
    ...base(init, 'assistant'),
    model,
    message: { role: 'model', parts: [{ text: 'done' }] },
    ...(usage === undefined ? {} : { usageMetadata: usage }),
  };
}

export function qwenSystemLine(
  init: QwenRecordInit,
  subtype: string,
  systemPayload: Record<string, unknown>,
): Record<string, unknown> {
  return { ...base(init, 'system'), subtype, systemPayload };
}

/** The ui_telemetry event that repeats a call's usage (ignored by readers). */
export function qwenTelemetryLine(init: QwenRecordInit, model: string, usage: QwenUsage): Record<string, unknown> {
  return qwenSystemLine(init, 'ui_telemetry', {
    uiEvent: {
      'event.name': 'qwen-code.api_response',
      model,
      input_token_count: usage.promptTokenCount,
      output_token_count: usage.candidatesTokenCount,
      cached_content_token_count: usage.cachedContentTokenCount,
      total_token_count: usage.totalTokenCount,
    },
  });
}

export function qwenJsonl(records: readonly unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Qwen Code's folder name for a working directory: every non-alphanumeric becomes `-`. */
export function qwenProjectDirName(cwd: string): string {
  return cwd.replace(/[^a-zA-Z0-9]/g, '-');
}

interface QwenSessionTruth {
  id: string;
  projectPath: string;
  requests: number;
  tokens: TokenCounts;
  models: string[];
  tokensKnown: boolean;
}

export interface QwenHomeTruth {
  sessions: QwenSessionTruth[];
  files: number;
}

export interface QwenHomeOptions {
  sessions: number;
  callsPerSession: number;
  seed: number;
}

const MODELS = ['coder-model', 'qwen3-coder-plus', 'qwen3-max'];

/**
 * A synthetic `~/.qwen/projects/*\/chats/*.jsonl` home: calls with cached prompts and
 * thoughts, telemetry lines repeating each call's usage, a streamed call written twice under
 * one uuid (the larger copy is the call), a rewound branch whose call still counts,
 * tool results, titles, and a session whose provider reported no usage at all.
 */
export async function generateQwenHome(home: string, options: QwenHomeOptions): Promise<QwenHomeTruth> {
  const rng = new Prng(options.seed);
  const sessions: QwenSessionTruth[] = [];
  let clock = Date.parse('2026-06-01T09:00:00.000Z');
  const iso = () => new Date(clock).toISOString();
  for (let s = 0; s < options.sessions; s += 1) {
    const cwd = `/work/proj-${s % 3}`;
    const id = rng.uuid();
    const tokenless = s % 5 === 4;
    const truth: QwenSessionTruth = {
      id,
      projectPath: cwd,
      requests: 0,
      tokens: { ...ZERO_TOKENS },
      models: [],
      tokensKnown: false,
    };
    const models = new Set<string>();
    const lines: unknown[] = [];
    let parent: string | null = null;
    const next = (): QwenRecordInit => {
      clock += rng.int(100, 30_000);
      const init = { uuid: rng.uuid(), parentUuid: parent, sessionId: id, timestamp: iso(), cwd };
      parent = init.uuid;
      return init;
    };
    for (let c = 0; c < options.callsPerSession; c += 1) {
      lines.push(qwenUserLine(next()));
      const model = rng.pick(MODELS);
      const prompt = rng.int(500, 90_000);
      const usage = qwenUsage({
        prompt,
        cached: rng.chance(0.6) ? rng.int(0, prompt) : 0,
        output: rng.int(1, 3_000),
        thoughts: rng.chance(0.4) ? rng.int(1, 900) : 0,
      });
      const call = next();
      if (tokenless) {
        lines.push(qwenAssistantLine(call, model));
        continue;
      }
      lines.push(qwenTelemetryLine(next(), model, usage));
      if (rng.chance(0.3)) lines.push(qwenAssistantLine(call, model, qwenUsage({ prompt: 1, output: 1 }))); // an early streamed copy
      lines.push(qwenAssistantLine(call, model, usage));
      lines.push({
        ...base(next(), 'tool_result'),
        message: { role: 'user', parts: [{ functionResponse: { id: 'c', name: 'ls', response: {} } }] },
      });
      if (c === 1) lines.push(qwenSystemLine(next(), 'rewind', { truncatedCount: 2 })); // the call before it was billed all the same
      truth.requests += 1;
      truth.tokens = addTokens(truth.tokens, qwenTruthTokens(usage));
      truth.tokensKnown = true;
      models.add(model);
    }
    lines.push(qwenSystemLine(next(), 'custom_title', { customTitle: `session ${s}`, titleSource: 'auto' }));
    truth.models = [...models].sort();
    const path = join(home, '.qwen', 'projects', qwenProjectDirName(cwd), 'chats', `${id}.jsonl`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, qwenJsonl(lines));
    sessions.push(truth);
    clock += 3_600_000;
  }
  return { sessions, files: sessions.length };
}
