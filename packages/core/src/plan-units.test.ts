import { describe, expect, it } from 'vitest';
import { addPlanUnits, formatPlanUnits, planUnitsJson, premiumRequestMicros, type PlanUnitSums } from './plan-units.js';
import { addAggregate, emptyAggregate } from './report/usage-aggregate.js';
import { costRowJson, sumCostAggregates } from './pricing/aggregate-cost.js';

describe('plan units', () => {
  it('sums premium requests exactly, where floats would drift', () => {
    // Copilot writes a run of three 0.33× requests as 0.9900000000000001.
    const sum: PlanUnitSums = {};
    for (const v of [0.9900000000000001, 0.33, 0.33, 0.33])
      addPlanUnits(sum, { premiumRequestMicros: premiumRequestMicros(v) });
    expect(sum.premiumRequestMicros).toBe(1_980_000n);
    expect(planUnitsJson(sum)).toEqual({ premiumRequests: 1.98 });
  });

  it('keeps a set without any unit without (no zeros invented), and each unit apart', () => {
    const none: PlanUnitSums = {};
    addPlanUnits(none, { premiumRequestMicros: null, nanoAiu: null });
    expect(planUnitsJson(none)).toEqual({});
    const credits: PlanUnitSums = {};
    addPlanUnits(credits, { nanoAiu: 3_236_385_000n });
    addPlanUnits(credits, {});
    expect(planUnitsJson(credits)).toEqual({ aiCredits: 3.236385 });
    expect(formatPlanUnits({ premiumRequests: 14, aiCredits: 3.236385 })).toBe('14 premium requests · 3.24 AI credits');
    expect(formatPlanUnits({ premiumRequests: 1 })).toBe('1 premium request');
    expect(formatPlanUnits({ premiumRequests: 0.33 })).toBe('0.33 premium requests');
    expect(formatPlanUnits({})).toBeNull();
  });

  it('flows through report aggregates and cost rows only where records carried units', () => {
    const a = emptyAggregate();
    addAggregate(a, { ...emptyAggregate(), requestCount: 1 });
    addAggregate(a, { ...emptyAggregate(), requestCount: 1, premiumRequestMicros: 14_000_000n });
    expect(a.premiumRequestMicros).toBe(14_000_000n);
    expect(a.nanoAiu).toBeUndefined();
    const row = costRowJson(sumCostAggregates([a, { ...emptyAggregate(), nanoAiu: 1_500_000_000n }]), 'auto');
    expect(row).toMatchObject({ premiumRequests: 14, aiCredits: 1.5 });
    expect(costRowJson(emptyAggregate(), 'auto')).not.toHaveProperty('premiumRequests');
  });
});
