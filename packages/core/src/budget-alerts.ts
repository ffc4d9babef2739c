import { budgetPercent, budgetScopeText, budgetStateRank, type BudgetStatus } from './budget.js';
import { formatUsd } from './format.js';
import { nanosToUsd } from './money.js';

/** A budget that just passed 80 % (`warning`) or 100 % (`exceeded`) of its amount. */
export interface BudgetAlert {
  level: 'warning' | 'exceeded';
  status: BudgetStatus;
}

interface Seen {
  rank: number;
  windowStart: number;
  amountNanos: bigint;
}

/**
 * Turns successive budget statuses into crossings, each reported once: a budget that passes
 * 80 % alerts once, passing 100 % alerts once more (a jump past both alerts once, as exceeded).
 * A new period, a changed amount or spend that fell back (a raised cap, deleted history) starts
 * over, so the next crossing alerts again. The first update reports budgets already past a
 * mark: a watcher started mid-period says where things stand.
 */
export class BudgetAlertTracker {
  private readonly seen = new Map<string, Seen>();

  update(statuses: readonly BudgetStatus[]): BudgetAlert[] {
    const alerts: BudgetAlert[] = [];
    const present = new Set<string>();
    for (const status of statuses) {
      const { name, amountNanos } = status.budget;
      present.add(name);
      const rank = budgetStateRank(status.state);
      const windowStart = status.window.start.getTime();
      const before = this.seen.get(name);
      const sameRun = before !== undefined && before.windowStart === windowStart && before.amountNanos === amountNanos;
      const previous = sameRun ? before.rank : 0;
      if (rank > previous && status.state !== 'ok') alerts.push({ level: status.state, status });
      this.seen.set(name, { rank, windowStart, amountNanos });
    }
    for (const name of [...this.seen.keys()]) if (!present.has(name)) this.seen.delete(name);
    return alerts;
  }
}

const PERIOD_WORD = { day: 'today', week: 'this week', month: 'this month' } as const;

/** `budget "team" exceeded: $12.40 of $10.00 today (124%; claude-code)`: the line watch and the TUI show. */
export function budgetAlertLine(alert: BudgetAlert): string {
  const s = alert.status;
  const b = s.budget;
  const what = alert.level === 'exceeded' ? 'exceeded' : 'passed 80%';
  const spent = `${formatUsd(nanosToUsd(s.spentNanos))} of ${formatUsd(nanosToUsd(b.amountNanos))} ${PERIOD_WORD[b.period]}`;
  const scope = budgetScopeText(b);
  return `budget "${b.name}" ${what}: ${spent} (${budgetPercent(s)}%; ${scope}${b.hard ? '; hard' : ''})`;
}
