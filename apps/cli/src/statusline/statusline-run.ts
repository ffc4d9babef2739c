import { claudeCodeAdapter } from '@rimuru/app-runtime/claude-code-adapter';
import {
  assertTimeZone,
  bundledPriceTable,
  DEFAULT_ACTIVE_WINDOW_MINUTES,
  isRimuruError,
  priceOverridesFromConfig,
  systemTimeZone,
  type CostMode,
} from '@rimuru/core';
import { syncSources } from '@rimuru/sync';
import { openRuntime, type Runtime } from '../runtime.js';
import { cachedAnswer, statuslineCachePath, storeAnswer } from './statusline-cache.js';
import { statuslineFigures } from './statusline-figures.js';
import { EMPTY_INPUT, parseStatuslineInput, type StatuslineInput } from './statusline-input.js';
import { modelLabel, statuslineText } from './statusline-line.js';
import { claudeSessionSources } from './session-sources.js';

export interface StatuslineOptions {
  format: 'line' | 'json';
  /** The statusline's own deadline: past it, the last good line is printed instead. */
  timeoutMs: number;
  db?: string;
  timezone?: string;
  costMode: CostMode;
  color: boolean;
  verbose: boolean;
}

export interface StatuslineIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
}

export const DEFAULT_STATUSLINE_TIMEOUT_MS = 1000;

/** Why an answer is not a fresh one. */
type Fallback = 'timeout' | 'error' | 'input';

interface Answer {
  line: string;
  json: Record<string, unknown>;
}

class InputError extends Error {}

/**
 * `rimuru statusline`: Claude Code's statusline JSON on stdin → one line on stdout. Never
 * throws and never prints a stack trace: past its deadline or on any failure it prints the
 * session's last good line (from a small cache) or a short plain one, so Claude Code always has
 * something to show. Resolves once the answer is written; past the deadline the work still under
 * way is abandoned (`abandoned`: the caller exits at once): every store write is a transaction,
 * so nothing is left half done.
 */
export async function runStatusline(options: StatuslineOptions, io: StatuslineIo): Promise<{ abandoned: boolean }> {
  const cachePath = statuslineCachePath(io.env, io.homeDir);
  // Claude Code may stop reading before the line is written (EPIPE): no crash, no trace.
  io.stdout.on('error', () => undefined);
  let input: StatuslineInput = EMPTY_INPUT;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const work = (async (): Promise<Answer> => {
    const parsed = parseStatuslineInput(await readStdin(io.stdin));
    if (parsed === null) throw new InputError("expected Claude Code's statusline JSON on stdin");
    input = parsed;
    return freshAnswer(parsed, options, cachePath);
  })();
  let outcome: Answer | 'timeout' | { error: unknown };
  try {
    outcome = await Promise.race([work, deadline]);
  } catch (error) {
    outcome = { error };
  } finally {
    clearTimeout(timer);
  }
  if (outcome !== 'timeout' && !('error' in outcome)) {
    await write(io.stdout, render(outcome, options));
    return { abandoned: false };
  }
  // Past the deadline the work may still fail: nobody is left to hear it.
  work.catch(() => undefined);
  let reason: Fallback = 'timeout';
  if (outcome !== 'timeout') {
    reason = outcome.error instanceof InputError ? 'input' : 'error';
    if (options.verbose) io.stderr.write(`rimuru statusline: ${errorLine(outcome.error)}\n`);
  } else if (options.verbose) {
    io.stderr.write(`rimuru statusline: no answer within ${options.timeoutMs} ms\n`);
  }
  await write(io.stdout, render(await fallbackAnswer(reason, input, cachePath), options));
  return { abandoned: outcome === 'timeout' };
}

async function freshAnswer(input: StatuslineInput, options: StatuslineOptions, cachePath: string): Promise<Answer> {
  let runtime: Runtime | null = null;
  try {
    // Never wait in SQLite's busy handler: it blocks the event loop, and with it the deadline.
    // A store another process is writing fails fast instead (and the cached line is shown).
    runtime = await openRuntime(options.db, { sqliteBusyTimeoutMs: 0 });
    const { store, config, ctx } = runtime;
    // No zone named: the process's own, whose "today" needs no Intl (see systemZoneToday).
    const named = options.timezone ?? config.timezone;
    const zone = named === undefined ? null : assertTimeZone(named);
    let sync = { sourcesRead: 0, bytesRead: 0 };
    if (input.transcriptPath !== null) {
      const summary = await syncSources({
        store,
        adapter: claudeCodeAdapter,
        sources: await claudeSessionSources(input.transcriptPath, input.sessionId),
        ctx,
        host: runtime.host,
        prices: bundledPriceTable(),
        priceOverrides: priceOverridesFromConfig(config.prices),
      });
      sync = { sourcesRead: summary.sourcesRead, bytesRead: summary.bytesRead };
    }
    const now = ctx.now();
    const figures = await statuslineFigures(store, {
      sessionId: input.sessionId,
      now,
      zone,
      costMode: options.costMode,
      activeWindowMs: (config.activeWindowMinutes ?? DEFAULT_ACTIVE_WINDOW_MINUTES) * 60_000,
    });
    const line = statuslineText(modelLabel(input, figures.session), figures, { color: options.color });
    const json = {
      sessionId: input.sessionId,
      model: { id: input.modelId, displayName: input.modelName },
      at: now.toISOString(),
      // Named when printed (render): finding the process's own zone's name costs Intl's start.
      timezone: zone,
      costMode: options.costMode,
      ...figures,
      sync,
      line,
      stale: false,
      fallback: null,
    };
    // Kept before it is printed: a statusline is often killed as soon as it has answered.
    await storeAnswer(cachePath, input.sessionId, { line, json, at: json.at }).catch(() => undefined);
    return { line, json };
  } finally {
    await runtime?.store.close().catch(() => undefined);
  }
}

/** The session's last good answer, marked stale, else a short plain line. */
async function fallbackAnswer(reason: Fallback, input: StatuslineInput, cachePath: string): Promise<Answer> {
  const cached = reason === 'input' ? null : await cachedAnswer(cachePath, input.sessionId).catch(() => null);
  if (cached !== null) return { line: cached.line, json: { ...cached.json, stale: true, fallback: reason } };
  const model = modelLabel(input, null);
  const line =
    reason === 'input'
      ? 'rimuru: no statusline input'
      : `${model} | rimuru: ${reason === 'timeout' ? 'still reading' : 'unavailable'}`;
  return {
    line,
    json: {
      sessionId: input.sessionId,
      model: { id: input.modelId, displayName: input.modelName },
      session: null,
      today: null,
      block: null,
      budget: null,
      line,
      stale: false,
      fallback: reason,
    },
  };
}

function render(answer: Answer, options: StatuslineOptions): string {
  if (options.format !== 'json') return `${answer.line}\n`;
  const json =
    'timezone' in answer.json && answer.json.timezone === null
      ? { ...answer.json, timezone: systemTimeZone() }
      : answer.json;
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Resolves once the text is handed to the OS, so the caller may exit right after. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}

/** All of stdin; nothing when it is a terminal (someone ran the command by hand). */
async function readStdin(stdin: StatuslineIo['stdin']): Promise<string> {
  if (stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function errorLine(error: unknown): string {
  const message = isRimuruError(error) || error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? 'unknown error'
  );
}
