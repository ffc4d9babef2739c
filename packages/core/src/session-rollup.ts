import type { CostSource } from './session.js';
import { shownCost } from './session-view.js';

/** Usage records of one session grouped by (model, priced), as summed by the database. */
export interface UsageGroup {
  model: string | null;
  priced: boolean;
  count: number;
  input: bigint;
  output: bigint;
  cacheRead: bigint;
  cacheWrite5m: bigint;
  cacheWrite1h: bigint;
  reasoning: bigint;
  calculatedCostNanos: bigint;
  /** Sum over records that recorded a cost; null when none did. */
  recordedCostNanos: bigint | null;
  autoCostNanos: bigint;
  firstAt: Date | null;
  lastAt: Date | null;
}

export interface SessionRollup {
  input: bigint;
  output: bigint;
  cacheRead: bigint;
  cacheWrite5m: bigint;
  cacheWrite1h: bigint;
  reasoning: bigint;
  requestCount: number;
  unpricedRequestCount: number;
  calculatedCostNanos: bigint;
  recordedCostNanos: bigint | null;
  autoCostNanos: bigint;
  /** Distinct models, alphabetical, `<synthetic>` excluded. */
  models: string[];
  /** The model with the most tokens; ties broken alphabetically. */
  modelName: string | null;
  firstAt: Date | null;
  lastAt: Date | null;
}

/** Claude Code's placeholder for locally generated messages: not a model the user used. */
export const SYNTHETIC_MODEL = '<synthetic>';

/*
 * The session roll-up: the one rule for a session's figures from its usage records — exact
 * bigint sums, the models used, the main model and the stored cost source. The store sums
 * records per (model, priced) in SQL and hands the groups here.
 */

function groupTotal(g: UsageGroup): bigint {
  return g.input + g.output + g.cacheRead + g.cacheWrite5m + g.cacheWrite1h;
}

function earlier(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

function later(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** A session's figures from its usage records (exact bigint sums). */
export function rollUpSession(groups: readonly UsageGroup[]): SessionRollup {
  const r: SessionRollup = {
    input: 0n,
    output: 0n,
    cacheRead: 0n,
    cacheWrite5m: 0n,
    cacheWrite1h: 0n,
    reasoning: 0n,
    requestCount: 0,
    unpricedRequestCount: 0,
    calculatedCostNanos: 0n,
    recordedCostNanos: null,
    autoCostNanos: 0n,
    models: [],
    modelName: null,
    firstAt: null,
    lastAt: null,
  };
  const perModel = new Map<string, bigint>();
  for (const g of groups) {
    r.input += g.input;
    r.output += g.output;
    r.cacheRead += g.cacheRead;
    r.cacheWrite5m += g.cacheWrite5m;
    r.cacheWrite1h += g.cacheWrite1h;
    r.reasoning += g.reasoning;
    r.requestCount += g.count;
    if (!g.priced) r.unpricedRequestCount += g.count;
    r.calculatedCostNanos += g.calculatedCostNanos;
    if (g.recordedCostNanos !== null) r.recordedCostNanos = (r.recordedCostNanos ?? 0n) + g.recordedCostNanos;
    r.autoCostNanos += g.autoCostNanos;
    r.firstAt = earlier(r.firstAt, g.firstAt);
    r.lastAt = later(r.lastAt, g.lastAt);
    if (g.model !== null && g.model !== SYNTHETIC_MODEL) {
      perModel.set(g.model, (perModel.get(g.model) ?? 0n) + groupTotal(g));
    }
  }
  r.models = [...perModel.keys()].sort();
  for (const model of r.models) {
    const best = r.modelName === null ? -1n : (perModel.get(r.modelName) ?? 0n);
    // Alphabetical iteration + strict `>` = ties go to the alphabetically first model.
    if ((perModel.get(model) ?? 0n) > best) r.modelName = model;
  }
  return r;
}

/**
 * The cost source stored with a session: what `--cost-mode auto` shows (shownCost's rule),
 * recorded where the agent wrote dollars, unpriced when every request's model lacked a price,
 * unknown when the agent keeps no tokens.
 */
export function costSourceOf(rollup: SessionRollup, tokensKnown: boolean): CostSource {
  return shownCost({ ...rollup, tokensKnown }, 'auto').costSource;
}
