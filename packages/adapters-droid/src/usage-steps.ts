import type { JsonValue } from '@rimuru/core';
import {
  grewFrom,
  sameUsage,
  subtractUsage,
  usageSum,
  USAGE_FIELDS,
  ZERO_USAGE,
  type DroidUsage,
} from './token-usage.js';

/**
 * One growth of a session's cumulative `tokenUsage` as Rimuru saw it: the total it reached,
 * when (the settings file's last write), with which model, in which counter epoch (a
 * decrease starts a new epoch: Droid's counter was reset).
 */
export interface UsageStep {
  epoch: number;
  total: DroidUsage;
  atMs: number;
  model: string | null;
}

/** A step's billable part: what the total grew by since the previous step of its epoch. */
export interface StepDelta {
  step: UsageStep;
  delta: DroidUsage;
  /** Sum of the epoch's total before this step: with the epoch, the step's identity. */
  fromSum: number;
}

/**
 * Adds the snapshot `current` to the history: nothing when it equals the last total (or is
 * all zero with no history), a step in the same epoch when no class went down, and a step in
 * a new epoch (counted from zero) when any class went down. Never a negative delta.
 */
export function advanceSteps(
  history: readonly UsageStep[],
  current: DroidUsage,
  atMs: number,
  model: string | null,
): UsageStep[] {
  const last = history.at(-1);
  if (last === undefined) return usageSum(current) === 0 ? [...history] : [{ epoch: 0, total: current, atMs, model }];
  if (sameUsage(current, last.total)) return [...history];
  if (grewFrom(current, last.total)) return [...history, { epoch: last.epoch, total: current, atMs, model }];
  return [...history, { epoch: last.epoch + 1, total: current, atMs, model }];
}

/** The billable deltas of a history, in order; all-zero deltas (a reset to zero) are left out. */
export function stepDeltas(history: readonly UsageStep[]): StepDelta[] {
  const out: StepDelta[] = [];
  let prev: UsageStep | null = null;
  for (const step of history) {
    const base = prev !== null && prev.epoch === step.epoch ? prev.total : ZERO_USAGE;
    const delta = subtractUsage(step.total, base);
    if (usageSum(delta) > 0) out.push({ step, delta, fromSum: usageSum(base) });
    prev = step;
  }
  return out;
}

const VERSION = 1;

export function encodeSteps(history: readonly UsageStep[]): JsonValue {
  return {
    v: VERSION,
    steps: history.map((s) => [s.epoch, ...USAGE_FIELDS.map((f) => s.total[f]), s.atMs, s.model]),
  };
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The history a checkpoint carries, or an empty one when the state is absent or foreign. */
export function decodeSteps(state: JsonValue | null): UsageStep[] {
  if (state === null || typeof state !== 'object' || Array.isArray(state) || state['v'] !== VERSION) return [];
  const raw = state['steps'];
  if (!Array.isArray(raw)) return [];
  const steps: UsageStep[] = [];
  for (const item of raw) {
    if (!Array.isArray(item) || item.length !== 8) return [];
    const [epoch, input, output, cacheWrite, cacheRead, thinking, atMs, model] = item;
    if (![epoch, input, output, cacheWrite, cacheRead, thinking, atMs].every(isCount)) return [];
    if (model !== null && typeof model !== 'string') return [];
    steps.push({
      epoch: epoch as number,
      total: {
        inputTokens: input as number,
        outputTokens: output as number,
        cacheCreationTokens: cacheWrite as number,
        cacheReadTokens: cacheRead as number,
        thinkingTokens: thinking as number,
      },
      atMs: atMs as number,
      model,
    });
  }
  return steps;
}
