import type { Config } from '@oclif/core';
import {
  planReturnLines,
  planReturnsAnswer,
  hasPlans,
  type PlanReturnJson,
  type PlanReturnsJson,
} from '@rimuru/app-runtime';
import type { PlansConfig } from '@rimuru/core';
import type { Runtime } from '../runtime.js';
import { unknownValueError } from '../suggest.js';
import type { AnswerSettings } from './settings.js';

/** What a cost answer gains when the config names plans; nothing at all when it names none. */
export interface PlanFields {
  plans?: PlanReturnJson[];
  planTotals?: PlanReturnsJson['totals'];
}

/**
 * The config's plans over a range, as JSON fields and table lines. A key of `plans` that names
 * no agent type Rimuru knows stops the command (exit 2) with the closest ones.
 */
export async function planReturnsOf(
  runtime: Runtime,
  oclif: Config,
  settings: AnswerSettings,
  range: { from: Date | null; to: Date | null },
  filters: { agentTypes?: string[]; hosts?: string[] } = {},
): Promise<{ fields: PlanFields; lines: string[] }> {
  const plans = runtime.config.plans as PlansConfig | undefined;
  if (!hasPlans(plans)) return { fields: {}, lines: [] };
  const { knownAgentTypes } = await import('../known-agents.js');
  const known = await knownAgentTypes(runtime, oclif);
  const unknown = Object.keys(plans).find((t) => !known.includes(t));
  if (unknown !== undefined) throw unknownValueError('agent type', unknown, known, "a key of the config's plans");
  const answer = await planReturnsAnswer(runtime.store, {
    plans,
    range,
    zone: settings.zone,
    now: settings.now,
    costMode: settings.costMode,
    ...filters,
  });
  return { fields: { plans: answer.rows, planTotals: answer.totals }, lines: planReturnLines(answer) };
}

/** The plan lines as a block below a table: a blank line, then one line per plan; empty without plans. */
export function planBlock(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `\n\n${lines.join('\n')}`;
}
