import { budgetStatuses } from '@rimuru/app-runtime';
import { systemTimeZone, tightestBudget, toBudgetStatusJson, type BudgetStatusJson, type CostMode } from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';

/**
 * The budget the statusline shows: the one nearest its cap (core's tightestBudget), as
 * `budget status --format json` has it; null without budgets.
 */
export async function tightestBudgetState(
  store: SessionStore,
  options: { now: Date; zone: string | null; costMode: CostMode },
): Promise<BudgetStatusJson | null> {
  // Most stores have no budget: then neither the zone's name nor calendar arithmetic is needed
  // (Intl and luxon, tens of milliseconds of a statusline's start).
  if ((await store.budgets.list()).length === 0) return null;
  const timeZone = options.zone ?? systemTimeZone();
  const tightest = tightestBudget(
    await budgetStatuses(store, { now: options.now, timeZone, costMode: options.costMode }),
  );
  return tightest === null ? null : toBudgetStatusJson(tightest);
}
