import type { AgentType } from '../agent-type.js';
import { UsageError } from '../errors.js';
import { usdToNanos } from '../money.js';
import { parseDateBound } from '../time-range.js';
import { planPreset, PLAN_PRESETS } from './plan-presets.js';

/** One plan as the config states it: a preset id or a name of one's own, with its fee and dates. */
interface PlanSetting {
  plan: string;
  /** Monthly fee in USD; required for a plan of one's own, overrides a preset's fee. */
  monthlyUsd?: number;
  /** First day paid for (YYYY-MM-DD, or an instant), in the configured zone. */
  since: string;
  /** Last day paid for, inclusive; open when absent (or until the next plan of the agent starts). */
  until?: string;
}

/** `plans` of the config: per agent type, one plan or the plans it had over time. */
export type PlansConfig = Partial<Record<AgentType, PlanSetting | readonly PlanSetting[]>>;

/** One plan, resolved: paid for over [since, until). */
export interface PlanPeriod {
  agentType: AgentType;
  plan: string;
  label: string;
  monthlyFeeNanos: bigint;
  since: Date;
  /** Exclusive end; null while the plan runs. */
  until: Date | null;
}

function configDate(agentType: AgentType, key: 'since' | 'until', text: string, zone: string): Date {
  try {
    return parseDateBound(text, key, zone);
  } catch {
    throw new UsageError(`plans.${agentType}.${key}: "${text}" is not a date (YYYY-MM-DD)`);
  }
}

function resolveOne(agentType: AgentType, setting: PlanSetting, zone: string): PlanPeriod {
  const preset = planPreset(setting.plan);
  const monthlyUsd = setting.monthlyUsd ?? preset?.monthlyUsd;
  if (monthlyUsd === undefined) {
    throw new UsageError(
      `plans.${agentType}: "${setting.plan}" is not a known plan; set monthlyUsd for it or use one of ${PLAN_PRESETS.map((p) => p.id).join(', ')}`,
    );
  }
  if (!Number.isFinite(monthlyUsd) || monthlyUsd < 0)
    throw new UsageError(`plans.${agentType}: monthlyUsd must be a number ≥ 0`);
  const since = configDate(agentType, 'since', setting.since, zone);
  const until = setting.until === undefined ? null : configDate(agentType, 'until', setting.until, zone);
  if (until !== null && until <= since) throw new UsageError(`plans.${agentType}: until must be after since`);
  return {
    agentType,
    plan: setting.plan,
    label: preset?.label ?? setting.plan,
    monthlyFeeNanos: usdToNanos(monthlyUsd),
    since,
    until,
  };
}

/**
 * The config's plans as periods, per agent type in start order. A plan without `until` ends
 * where the agent's next plan starts (a change of plan), so periods of one agent never overlap;
 * stated periods that do overlap are a mistake and refused.
 */
export function planPeriodsOf(config: PlansConfig | undefined, zone: string): PlanPeriod[] {
  const periods: PlanPeriod[] = [];
  for (const [agentType, value] of Object.entries(config ?? {}) as [
    AgentType,
    PlanSetting | readonly PlanSetting[],
  ][]) {
    const settings: readonly PlanSetting[] = Array.isArray(value) ? value : [value as PlanSetting];
    const own = settings
      .map((s) => resolveOne(agentType, s, zone))
      .sort((a, b) => a.since.getTime() - b.since.getTime());
    for (let i = 0; i < own.length; i++) {
      const next = own[i + 1];
      const period = own[i]!;
      if (next === undefined) continue;
      if (period.until === null) period.until = next.since;
      else if (period.until > next.since)
        throw new UsageError(`plans.${agentType}: "${period.plan}" and "${next.plan}" overlap`);
    }
    periods.push(...own);
  }
  return periods;
}
