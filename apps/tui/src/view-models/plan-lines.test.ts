import { planReturnLines, planReturnsAnswer, type PlanReturnsStore } from '@rimuru/app-runtime';
import { usdToNanos } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import type { CostsData } from '../data/costs-data.js';
import { costsLines } from './panel-lines.js';

/** The usage per agent type a store would sum: claude-code 2,140 USD, codex 5 USD (codex has no plan). */
const store: PlanReturnsStore = {
  usage: {
    breakdown: () =>
      Promise.resolve([
        {
          group: 'claude-code',
          calculatedCostNanos: usdToNanos(2140),
          recordedCostNanos: null,
          autoCostNanos: usdToNanos(2140),
        },
        { group: 'codex', calculatedCostNanos: usdToNanos(5), recordedCostNanos: null, autoCostNanos: usdToNanos(5) },
      ]),
  },
};

function costsData(planLines: string[]): CostsData {
  return {
    range: 'thismonth',
    zone: 'UTC',
    summary: {
      sessions: 3,
      requests: 10,
      tokens: 1000,
      costNanos: usdToNanos(2145),
      costSource: 'calculated',
      unpricedRequests: 0,
      recordedNanos: null,
      calculatedNanos: usdToNanos(2145),
    },
    byAgent: [],
    byModel: [],
    trend: { unit: 'day', points: [] },
    planLines,
  };
}

describe('Costs view: plan lines', () => {
  it('shows what a plan returned over the range, and nothing for the agent without a plan', async () => {
    const answer = await planReturnsAnswer(store, {
      plans: { 'claude-code': { plan: 'claude-max-20x', since: '2026-01-01' } },
      range: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
      zone: 'UTC',
      now: new Date('2026-12-02T00:00:00Z'),
      costMode: 'auto',
    });
    const lines = costsLines(costsData(planReturnLines(answer)), 'Summary', ['Summary'], 120, 30, 'auto').map((l) =>
      l.trimEnd(),
    );
    expect(lines).toContain('Plans');
    expect(lines).toContain(
      '  Claude Max 20x (claude-code): 2,140.00 USD of API-equivalent usage for 200.00 USD (10.7×)',
    );
    expect(lines.join('\n')).not.toContain('codex');
  });

  it('adds a total line once two agents have plans', async () => {
    const answer = await planReturnsAnswer(store, {
      plans: {
        'claude-code': { plan: 'claude-pro', since: '2026-01-01' },
        codex: { plan: 'chatgpt-plus', since: '2026-01-01' },
      },
      range: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
      zone: 'UTC',
      now: new Date('2026-12-02T00:00:00Z'),
      costMode: 'auto',
    });
    expect(planReturnLines(answer)).toEqual([
      'Claude Pro (claude-code): 2,140.00 USD of API-equivalent usage for 20.00 USD (107.0×)',
      'ChatGPT Plus (codex): 5.00 USD of API-equivalent usage for 20.00 USD (0.3×)',
      'All plans: 2,145.00 USD of API-equivalent usage for 40.00 USD (53.6×)',
    ]);
  });

  it('shows no Plans block without a plan', () => {
    const lines = costsLines(costsData([]), 'Summary', ['Summary'], 120, 30, 'auto').map((l) => l.trimEnd());
    expect(lines).not.toContain('Plans');
    expect(lines.join('\n')).not.toContain('API-equivalent');
  });
});
