import { readFile, stat } from 'node:fs/promises';
import { parseIsoTimestamp, unreadableSource } from '@rimuru/adapter-kit';
import type { AdapterDiagnostic, AdapterEvent, ReadPosition } from '@rimuru/core';
import { sessionIdOfPath } from './discover.js';
import { parseDroidUsage, toTokenCounts, usageSum } from './token-usage.js';
import { advanceSteps, decodeSteps, encodeSteps, stepDeltas, type UsageStep } from './usage-steps.js';

function warn(message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code: 'invalid-record', message, line: null };
}

const nonEmpty = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * Reads a `<uuid>.settings.json` snapshot. Its `tokenUsage` is the session's cumulative
 * total, so each growth since the history kept in the checkpoint state becomes one usage
 * event for the difference (an aggregate of the requests in between), keyed by the session,
 * the counter epoch and the total it grew from. The history is re-emitted on every read, so
 * a re-read from the same checkpoint says the same.
 *
 * Without a history (first read, or an engine that re-reads snapshots from scratch) the whole
 * total is one event keyed `…:0:0` whose rank is the total: as the file grows, that one copy
 * is replaced by larger ones, so no token is ever counted twice (see README).
 */
export async function* readDroidSettings(path: string, from: ReadPosition): AsyncGenerator<AdapterEvent> {
  let text: string;
  let mtimeMs: number;
  try {
    text = await readFile(path, 'utf8');
    mtimeMs = Math.trunc((await stat(path)).mtimeMs);
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  const history = decodeSteps(from.state);
  const sessionId = sessionIdOfPath(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    yield {
      type: 'diagnostic',
      severity: 'warning',
      code: 'invalid-json',
      message: 'settings file is not JSON',
      line: null,
    };
    yield* replay(sessionId, history);
    return;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    yield warn('settings file is not a JSON object');
    yield* replay(sessionId, history);
    return;
  }
  const settings = json as Record<string, unknown>;
  const model = nonEmpty(settings['model']);
  let steps: UsageStep[] = history;
  let tokensKnown = history.length > 0;
  if (settings['tokenUsage'] !== undefined) {
    const usage = parseDroidUsage(settings['tokenUsage']);
    if (typeof usage === 'string') {
      yield warn(usage);
    } else {
      tokensKnown = true;
      steps = advanceSteps(history, usage, mtimeMs, model);
    }
  }
  const lockedAt = parseIsoTimestamp(settings['providerLockTimestamp']);
  const times = [mtimeMs, ...steps.map((s) => s.atMs), ...(lockedAt === null ? [] : [lockedAt.ms])];
  yield {
    type: 'activity',
    sessionExternalId: sessionId,
    firstAt: new Date(Math.min(...times)).toISOString(),
    lastAt: new Date(Math.max(...times)).toISOString(),
    projectPath: null,
    parentExternalId: null,
    tokensKnown,
    title: null,
    ...(model === null ? {} : { models: [model] }),
  };
  yield* replay(sessionId, steps);
}

/** The usage events of a history and the checkpoint that keeps it. */
function* replay(sessionId: string, steps: readonly UsageStep[]): Generator<AdapterEvent> {
  for (const { step, delta, fromSum } of stepDeltas(steps)) {
    yield {
      type: 'usage',
      sessionExternalId: sessionId,
      dedupeKey: `${sessionId}:${step.epoch}:${fromSum}`,
      // Only matters without a history: a larger total replaces the smaller copy of `…:0:0`.
      rank: usageSum(step.total),
      replayKey: null,
      isReplayCopy: false,
      occurredAt: new Date(step.atMs).toISOString(),
      model: step.model,
      tokens: toTokenCounts(delta),
      recordedCostUsd: null,
      speed: null,
      line: null,
      // The growth of cumulative counters: every request since the last snapshot, how many unknown.
      requestCount: null,
    };
  }
  yield { type: 'checkpoint', offset: 0, state: encodeSteps(steps) };
}
