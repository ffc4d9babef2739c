import type { BudgetStatus, CostMode } from '@rimuru/core';
import { budgetStatuses } from '@rimuru/app-runtime';
import type { SessionStore } from '@rimuru/db';

/** Every budget's standing now (empty without budgets); the dashboard shows those past 80 %. */
export async function loadBudgetStatuses(
  store: SessionStore,
  options: { now: Date; zone: string; costMode: CostMode },
): Promise<BudgetStatus[]> {
  return budgetStatuses(store, { now: options.now, timeZone: options.zone, costMode: options.costMode });
}
