import { sessionCost, totalTokens, type CostMode, type StoredSession } from '@rimuru/core';

export interface ModelCostRow {
  model: string;
  sessions: number;
  tokens: number;
  costNanos: bigint;
}

/**
 * Cost and tokens per model, attributing each session to its main model (the one with most
 * tokens). Exact money: nano-dollar sums. Most expensive first, then by name.
 */
export function costsByModel(sessions: readonly StoredSession[], mode: CostMode): ModelCostRow[] {
  const byModel = new Map<string, ModelCostRow>();
  for (const s of sessions) {
    const key = s.model ?? '(unknown)';
    const row = byModel.get(key) ?? { model: key, sessions: 0, tokens: 0, costNanos: 0n };
    row.sessions += 1;
    row.tokens += s.tokens === null ? 0 : totalTokens(s.tokens);
    row.costNanos += sessionCost(s, mode).costNanos;
    byModel.set(key, row);
  }
  return [...byModel.values()].sort((a, b) =>
    a.costNanos === b.costNanos ? b.tokens - a.tokens || a.model.localeCompare(b.model) : a.costNanos > b.costNanos ? -1 : 1,
  );
}
