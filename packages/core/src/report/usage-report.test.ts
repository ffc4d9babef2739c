import { describe, expect, it } from 'vitest';
import { toUsageReportJson } from './report-json.js';
import { createUsageReport } from './usage-report.js';
import { usageSlot } from './test-records.js';

describe('createUsageReport', () => {
  const records = [
    usageSlot('2025-03-03T10:00:00Z', {
      sessionId: 'a',
      model: 'm1',
      agentType: 'claude-code',
      projectPath: '/x',
      tokens: { input: 10 },
    }),
    usageSlot('2025-03-04T10:00:00Z', {
      sessionId: 'a',
      model: 'm2',
      agentType: 'codex',
      projectPath: '/y',
      tokens: { input: 20 },
      priced: false,
      calculatedCostNanos: 0n,
      autoCostNanos: 0n,
    }),
    usageSlot('2025-03-05T10:00:00Z', {
      sessionId: 'b',
      model: 'm1',
      agentType: 'claude-code',
      projectPath: null,
      tokens: { output: 5 },
      recordedCostNanos: 7_000n,
      autoCostNanos: 7_000n,
    }),
    usageSlot('2025-03-11T10:00:00Z', {
      sessionId: 'c',
      model: null,
      agentType: 'codex',
      projectPath: '/x',
      tokens: { input: 1 },
    }),
  ];

  it('counts distinct sessions and active days per week, and totals everything', () => {
    const b = createUsageReport({ period: 'weekly', zone: 'UTC' });
    records.forEach((r) => b.add(r));
    const report = b.finish();
    expect(
      report.rows.map((r) => [r.period, r.sessionCount, r.activeDays, r.requestCount, r.unpricedRequestCount]),
    ).toEqual([
      ['2025-03-03', 2, 3, 3, 1],
      ['2025-03-10', 1, 1, 1, 0],
    ]);
    expect(report.totals).toMatchObject({
      sessionCount: 3,
      activeDays: 4,
      requestCount: 4,
      calculatedCostNanos: 3_000n,
      autoCostNanos: 9_000n,
      recordedCostNanos: 7_000n,
    });
    expect(report.rows[0]!.models).toEqual(['m1', 'm2']);
  });

  it('groups by agent, model or project inside each period, unknown values last', () => {
    const b = createUsageReport({ period: 'monthly', zone: 'UTC', groupBy: 'project' });
    records.forEach((r) => b.add(r));
    expect(b.finish().rows.map((r) => [r.period, r.group, r.tokens.input + r.tokens.output])).toEqual([
      ['2025-03', '/x', 11],
      ['2025-03', '/y', 20],
      ['2025-03', null, 6], // output 5 + the helper's default input 1
    ]);
    const byModel = createUsageReport({ period: 'monthly', zone: 'UTC', groupBy: 'model' });
    records.forEach((r) => byModel.add(r));
    expect(byModel.finish().rows.map((r) => r.group)).toEqual(['m1', 'm2', null]);
  });

  it('breaks rows down by model and shows the chosen cost mode in JSON', () => {
    const b = createUsageReport({ period: 'monthly', zone: 'UTC', breakdown: true });
    records.forEach((r) => b.add(r));
    const report = b.finish();
    expect(report.rows[0]!.breakdown!.map((m) => [m.model, m.requestCount])).toEqual([
      ['m2', 1],
      ['m1', 2],
      [null, 1],
    ]);
    const auto = toUsageReportJson(report, 'auto');
    expect(auto.totals.costUsd).toBe(0.000009);
    expect(toUsageReportJson(report, 'calculate').totals.costUsd).toBe(0.000003);
    expect(toUsageReportJson(report, 'recorded').totals.costUsd).toBe(0.000007);
    expect(auto.rows[0]).toMatchObject({
      period: '2025-03',
      start: '2025-03-01T00:00:00.000Z',
      end: '2025-04-01T00:00:00.000Z',
      totalTokens: 37,
      sessions: 3,
    });
  });
});
