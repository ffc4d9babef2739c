export { PLAN_PRESETS, planPreset, type PlanPreset } from './plan-presets.js';
export { planPeriodsOf, type PlanPeriod, type PlanSetting, type PlansConfig } from './plan-periods.js';
export { planReturns, proratedFeeNanos, type PlanReturn } from './plan-fees.js';
