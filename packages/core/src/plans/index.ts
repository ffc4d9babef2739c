export { planPeriodsOf, type PlansConfig } from './plan-periods.js';
export { planReturns, proratedFeeNanos } from './plan-fees.js';
