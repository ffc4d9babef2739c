import {
  assertTimeZone,
  budgetStatus,
  budgetWindow,
  selectCostNanos,
  type Budget,
  type BudgetStatus,
  type CostMode,
  type CostTotals,
} from '@rimuru/core';

/**
 * The two repositories budget statuses read (a `SessionStore` of @rimuru/db has both): named
 * here by shape, so this package needs no database dependency.
 */
export interface BudgetStatusStore {
  readonly budgets: { list(): Promise<Budget[]> };
  readonly usage: {
    totals(query: {
      from?: Date;
      to?: Date;
      agentTypes?: string[];
      project?: string;
      model?: string;
    }): Promise<CostTotals>;
  };
}

export interface BudgetStatusOptions {
  now: Date;
  /** IANA zone whose calendar day, week (Monday first) and month the budgets follow. */
  timeZone: string;
  /** Which cost counts as spent; auto (recorded where the agent wrote one, else calculated) by default. */
  costMode?: CostMode;
}

/** What one budget has spent in its current period: one SQL aggregate over the usage records. */
async function budgetSpentNanos(
  store: BudgetStatusStore,
  budget: Budget,
  window: { start: Date; end: Date },
  costMode: CostMode,
): Promise<bigint> {
  const totals = await store.usage.totals({
    from: window.start,
    to: window.end,
    ...(budget.agentType === null ? {} : { agentTypes: [budget.agentType] }),
    ...(budget.project === null ? {} : { project: budget.project }),
    ...(budget.model === null ? {} : { model: budget.model }),
  });
  return selectCostNanos(totals, costMode);
}

/**
 * Every budget's standing at `now`: its period in `timeZone`, what usage matching its filters
 * cost in that period, the projection to the period's end, its state. By name. The CLI's
 * `budget status|check|guard`, `watch`, the MCP server and the statusline all answer from this.
 */
export async function budgetStatuses(store: BudgetStatusStore, options: BudgetStatusOptions): Promise<BudgetStatus[]> {
  const zone = assertTimeZone(options.timeZone);
  const budgets = await store.budgets.list();
  return Promise.all(
    budgets.map(async (budget) => {
      const window = budgetWindow(budget.period, options.now, zone);
      const spent = await budgetSpentNanos(store, budget, window, options.costMode ?? 'auto');
      return budgetStatus(budget, spent, window, options.now);
    }),
  );
}
