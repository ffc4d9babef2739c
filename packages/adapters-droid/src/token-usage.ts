import type { TokenCounts } from '@rimuru/core';

/** Droid's `tokenUsage` classes, as the settings file names them (cumulative per session). */
export interface DroidUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  thinkingTokens: number;
}

export const USAGE_FIELDS = [
  'inputTokens',
  'outputTokens',
  'cacheCreationTokens',
  'cacheReadTokens',
  'thinkingTokens',
] as const;

export const ZERO_USAGE: Readonly<DroidUsage> = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationTokens: 0,
  cacheReadTokens: 0,
  thinkingTokens: 0,
});

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * A `tokenUsage` object, or why it is not one. Missing classes are 0 (older Droid versions
 * write fewer); a present class that is not a non-negative integer makes the whole snapshot
 * unusable, since a wrong class would look like a counter reset. A lone `totalTokens` (no
 * classes) is taken as output, as ccusage does: it is the only count there is.
 */
export function parseDroidUsage(value: unknown): DroidUsage | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'tokenUsage is not an object';
  const record = value as Record<string, unknown>;
  const usage: DroidUsage = { ...ZERO_USAGE };
  let any = false;
  for (const field of USAGE_FIELDS) {
    const raw = record[field];
    if (raw === undefined || raw === null) continue;
    if (!isCount(raw)) return `tokenUsage.${field} is not a non-negative integer`;
    usage[field] = raw;
    any = true;
  }
  if (!any) {
    const total = record['totalTokens'];
    if (isCount(total)) usage.outputTokens = total;
    else if (total !== undefined && total !== null) return 'tokenUsage.totalTokens is not a non-negative integer';
  }
  return usage;
}

export function usageSum(u: DroidUsage): number {
  return u.inputTokens + u.outputTokens + u.cacheCreationTokens + u.cacheReadTokens + u.thinkingTokens;
}

export function sameUsage(a: DroidUsage, b: DroidUsage): boolean {
  return USAGE_FIELDS.every((f) => a[f] === b[f]);
}

/** True when no class went down from `prev` to `next`. */
export function grewFrom(next: DroidUsage, prev: DroidUsage): boolean {
  return USAGE_FIELDS.every((f) => next[f] >= prev[f]);
}

export function subtractUsage(a: DroidUsage, b: DroidUsage): DroidUsage {
  return {
    inputTokens: a.inputTokens - b.inputTokens,
    outputTokens: a.outputTokens - b.outputTokens,
    cacheCreationTokens: a.cacheCreationTokens - b.cacheCreationTokens,
    cacheReadTokens: a.cacheReadTokens - b.cacheReadTokens,
    thinkingTokens: a.thinkingTokens - b.thinkingTokens,
  };
}

/**
 * Droid's classes in Rimuru's (design §3). Public parsers (ccusage, tokscale, codeburn) all
 * treat `thinkingTokens` as a class of its own beside `outputTokens` (added to the total and
 * priced as output), so output here is their sum and reasoning the thinking share.
 * `inputTokens` is already non-cached: cache reads and writes are separate classes.
 */
export function toTokenCounts(u: DroidUsage): TokenCounts {
  return {
    input: u.inputTokens,
    output: u.outputTokens + u.thinkingTokens,
    cacheRead: u.cacheReadTokens,
    cacheWrite5m: u.cacheCreationTokens,
    cacheWrite1h: 0,
    reasoning: u.thinkingTokens,
  };
}
