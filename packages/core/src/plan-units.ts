import { scaledBigIntToDecimalString } from './decimal.js';

/**
 * Units of a plan that usage records carried, summed exactly: GitHub Copilot's premium
 * requests (its model multipliers applied, so fractional) and AI credits. Never dollars, never
 * part of a cost. Absent or null while no record of the set carried any.
 */
export interface PlanUnitSums {
  /** Premium requests in millionths (Copilot's multipliers have at most two decimals). */
  premiumRequestMicros?: bigint | null;
  /** AI credits in nano-AIU (1e9 = one credit). */
  nanoAiu?: bigint | null;
}

/** Premium requests as an agent wrote them (a float) → exact millionths. */
export function premiumRequestMicros(value: number): bigint {
  return BigInt(Math.round(value * 1e6));
}

const plus = (a: bigint | null | undefined, b: bigint | null | undefined): bigint | null =>
  b === null || b === undefined ? (a ?? null) : (a ?? 0n) + b;

/** Adds `part`'s plan units to `into` (mutates, like addAggregate); a set without any stays without. */
export function addPlanUnits(into: PlanUnitSums, part: PlanUnitSums): void {
  const premium = plus(into.premiumRequestMicros, part.premiumRequestMicros);
  const aiu = plus(into.nanoAiu, part.nanoAiu);
  if (premium !== null) into.premiumRequestMicros = premium;
  if (aiu !== null) into.nanoAiu = aiu;
}

/** The JSON of plan units: each key only where the records carried that unit. */
export interface PlanUnitsJson {
  premiumRequests?: number;
  /** AI credits (nano-AIU / 1e9), up to 9 decimals. */
  aiCredits?: number;
}

export function planUnitsJson(s: PlanUnitSums): PlanUnitsJson {
  return {
    ...(s.premiumRequestMicros === null || s.premiumRequestMicros === undefined
      ? {}
      : { premiumRequests: Number(scaledBigIntToDecimalString(s.premiumRequestMicros, 6)) }),
    ...(s.nanoAiu === null || s.nanoAiu === undefined
      ? {}
      : { aiCredits: Number(scaledBigIntToDecimalString(s.nanoAiu, 9)) }),
  };
}

const amount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ''));

/** "14 premium requests · 3.24 AI credits", or null when there is neither. */
export function formatPlanUnits(u: PlanUnitsJson): string | null {
  const parts = [
    u.premiumRequests === undefined
      ? null
      : `${amount(u.premiumRequests)} premium request${u.premiumRequests === 1 ? '' : 's'}`,
    u.aiCredits === undefined ? null : `${amount(u.aiCredits)} AI credit${u.aiCredits === 1 ? '' : 's'}`,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}
