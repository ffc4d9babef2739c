import { isRecord } from '@rimuru/adapter-kit';
import type { TokenCounts } from '@rimuru/core';

/** One model's share of a `turn_completed` usage (or the whole usage without `modelUsage`). */
export interface TurnUsageRow {
  /** The `modelUsage` key; null for a usage without one (the caller falls back to the summary model). */
  model: string | null;
  tokens: TokenCounts;
  /** `costUsdTicks` / 1e10 (xAI's tick is 10⁻¹⁰ USD); null when absent. */
  costUsd: number | null;
  /** `modelCalls`: how many model calls the turn's tokens sum; null when absent or not a positive integer. */
  modelCalls: number | null;
}

const FIELDS = ['inputTokens', 'outputTokens', 'cachedReadTokens', 'cacheCreationTokens', 'reasoningTokens'] as const;
const TICKS_PER_USD = 1e10;

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Grok's per-turn classes in Rimuru's (design §3). `inputTokens` includes the cached reads
 * (a real turn: input 12,851,663 with 12,092,032 cached, `totalTokens` = input + output), so
 * non-cached input is what remains; a cache write is taken as part of input too (no fresh-input
 * field exists; always 0 in captures). `reasoningTokens` is inside `outputTokens`.
 */
function rowOf(model: string | null, raw: Record<string, unknown>): TurnUsageRow | string {
  const v: Record<(typeof FIELDS)[number], number> = {
    inputTokens: 0,
    outputTokens: 0,
    cachedReadTokens: 0,
    cacheCreationTokens: 0,
    reasoningTokens: 0,
  };
  for (const field of FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (!isCount(value)) return `${field} is not a non-negative integer`;
    v[field] = value;
  }
  const ticks = raw['costUsdTicks'];
  const costUsd = typeof ticks === 'number' && Number.isFinite(ticks) && ticks >= 0 ? ticks / TICKS_PER_USD : null;
  return {
    model,
    tokens: {
      input: Math.max(0, v.inputTokens - v.cachedReadTokens - v.cacheCreationTokens),
      output: v.outputTokens,
      cacheRead: v.cachedReadTokens,
      cacheWrite5m: v.cacheCreationTokens,
      cacheWrite1h: 0,
      reasoning: Math.min(v.reasoningTokens, v.outputTokens),
    },
    costUsd,
    modelCalls: callsOf(raw['modelCalls']),
  };
}

function callsOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

const isEmpty = (t: TokenCounts): boolean => t.input + t.output + t.cacheRead + t.cacheWrite5m === 0;

/**
 * The billable rows of a `turn_completed` usage: one per `modelUsage` entry (sorted by model,
 * all-zero rows left out), else the usage itself as one row. A string says why it is unusable.
 */
export function turnUsageRows(usage: unknown): TurnUsageRow[] | string {
  if (!isRecord(usage)) return 'usage is not an object';
  const perModel = usage['modelUsage'];
  if (isRecord(perModel) && Object.keys(perModel).length > 0) {
    const rows: TurnUsageRow[] = [];
    const models = Object.keys(perModel).sort();
    // The turn's own count belongs to its model when it used only one.
    const turnCalls = models.length === 1 ? callsOf(usage['modelCalls']) : null;
    for (const model of models) {
      const raw = perModel[model];
      if (!isRecord(raw) || model === '') return `modelUsage entry ${JSON.stringify(model)} is not an object`;
      const row = rowOf(model, raw);
      if (typeof row === 'string') return `modelUsage[${model}].${row}`;
      if (!isEmpty(row.tokens)) rows.push({ ...row, modelCalls: row.modelCalls ?? turnCalls });
    }
    return rows;
  }
  const row = rowOf(null, usage);
  if (typeof row === 'string') return row;
  return isEmpty(row.tokens) ? [] : [row];
}
