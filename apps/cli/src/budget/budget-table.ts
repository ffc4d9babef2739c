import {
  budgetPercent,
  budgetScopeText,
  formatLocalDateTime,
  formatUsd,
  nanosToUsd,
  type Budget,
  type BudgetStatus,
} from '@rimuru/core';
import pc from 'picocolors';
import { renderTable } from '../render/table.js';

const usd = (nanos: bigint) => formatUsd(nanosToUsd(nanos));
const PER = { day: 'per day', week: 'per week', month: 'per month' } as const;

/** `budget list`: each cap, its period and what it counts. */
export function renderBudgetList(budgets: readonly Budget[], options: { color: boolean }): string {
  const rows = budgets.map((b) => [
    b.name,
    usd(b.amountNanos),
    PER[b.period],
    budgetScopeText(b),
    b.hard ? 'hard' : '',
  ]);
  return renderTable(['Budget', 'Amount', 'Period', 'Counts', 'Guard'], rows, {
    color: options.color,
    align: ['left', 'right'],
  });
}

function stateCell(status: BudgetStatus, color: boolean): string {
  const text = status.state === 'ok' && status.projectedState === 'exceeded' ? 'ok (projected over)' : status.state;
  if (!color) return text;
  return status.state === 'exceeded' ? pc.red(text) : status.state === 'warning' ? pc.yellow(text) : pc.green(text);
}

/** `budget status`: spent, left and projected per budget in its current period. */
export function renderBudgetStatus(
  statuses: readonly BudgetStatus[],
  options: { color: boolean; zone: string; width?: number },
): string {
  const rows = statuses.map((s) => [
    s.budget.name,
    s.budget.period,
    usd(s.spentNanos),
    usd(s.budget.amountNanos),
    `${budgetPercent(s)}%`,
    usd(s.remainingNanos),
    usd(s.projectedNanos),
    stateCell(s, options.color),
    formatLocalDateTime(s.window.end, options.zone),
    budgetScopeText(s.budget),
  ]);
  return renderTable(
    ['Budget', 'Period', 'Spent', 'Amount', 'Used', 'Left', 'Projected', 'State', 'Period ends', 'Counts'],
    rows,
    {
      color: options.color,
      align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
      width: options.width,
      // On a narrow terminal: the scope is shortened first, then the period end, remainder and period go.
      fit: [
        { shorten: 'end', min: 12, cut: 1 },
        { drop: 2 },
        undefined,
        undefined,
        undefined,
        { drop: 3 },
        undefined,
        undefined,
        { drop: 4 },
        { shorten: 'end', cut: 5 },
      ],
    },
  );
}

export const NO_BUDGETS = 'No budgets. Set one with `rimuru budget set <name> --amount <usd> --period day|week|month`.';
