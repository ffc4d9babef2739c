import type { BudgetState, BudgetStatus } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import type { CostRow } from './cost-rows.js';
import { budgetLines, topBody } from './dashboard-view.js';

function status(name: string, state: BudgetState, spentNanos: bigint): BudgetStatus {
  const window = { start: new Date('2026-11-25T00:00:00.000Z'), end: new Date('2026-11-26T00:00:00.000Z') };
  return {
    budget: {
      name,
      amountNanos: 10_000_000_000n,
      period: 'day',
      hard: state === 'exceeded',
      agentType: null,
      project: null,
      model: null,
      createdAt: window.start,
      updatedAt: window.start,
    },
    window,
    spentNanos,
    remainingNanos: 10_000_000_000n - spentNanos > 0n ? 10_000_000_000n - spentNanos : 0n,
    projectedNanos: spentNanos,
    state,
    projectedState: state,
  };
}

const row = (name: string, usd: number): CostRow => ({
  name,
  requests: 1,
  tokens: 1,
  costNanos: BigInt(usd * 1e9),
  costSource: 'calculated',
  unpricedRequests: 0,
});

describe('dashboard pieces', () => {
  it('lists budgets past 80 %, exceeded first; budgets below stay quiet', () => {
    const lines = budgetLines([
      status('calm', 'ok', 1_000_000_000n),
      status('team', 'warning', 8_500_000_000n),
      status('solo', 'exceeded', 12_000_000_000n),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^✖ budget "solo" exceeded: \$12\.00 of \$10\.00 today \(120%; all usage; hard\)$/);
    expect(lines[1]).toMatch(/^▲ budget "team" passed 80%: \$8\.50 of \$10\.00 today \(85%; all usage\)$/);
    expect(budgetLines([status('calm', 'ok', 0n)])).toEqual([]);
  });

  it('a top list sums what does not fit into one last line, shares of the whole', () => {
    const rows = [row('a', 5), row('b', 3), row('c', 1), row('d', 1)];
    const lines = topBody(rows, 30, 3, (n) => n);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^a +\$5\.00 +50%$/);
    expect(lines[2]).toMatch(/^… 2 more +\$2\.00 +20%$/);
    // Wide enough: a meter beside each share.
    expect(topBody(rows, 50, 4, (n) => n)[0]).toMatch(/^a +\$5\.00 ███▌░░░ +50%$/);
    expect(topBody([], 30, 3, (n) => n)).toEqual(['(no usage in 7 days)']);
  });
});
