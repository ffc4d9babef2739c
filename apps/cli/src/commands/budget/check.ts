import { BudgetAlertTracker, budgetAlertLine, toBudgetStatusReportJson } from '@rimuru/core';
import { readBudgetStatuses } from '../../budget/budget-read.js';
import { ReadCommand } from '../../read-command.js';

/** Exit code of a run that found an exceeded budget: apart from 1 (failure) and 2 (usage). */
const BUDGET_EXCEEDED_EXIT = 3;

export default class BudgetCheck extends ReadCommand<typeof BudgetCheck> {
  static override summary = 'Exit 0 while every budget holds, 3 when any is exceeded (for scripts and CI)';
  static override description =
    'Prints each budget past 80 % or 100 % of its amount. Exit codes: 0 every budget holds (warnings included), ' +
    '3 at least one is exceeded, 1 the check could not run, 2 bad usage.';
  static override examples = [
    '<%= config.bin %> budget check',
    '<%= config.bin %> budget check --no-sync && run-agents.sh',
  ];

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const statuses = await readBudgetStatuses(runtime, settings);
    const exceeded = statuses.filter((s) => s.state === 'exceeded');
    if (settings.json) {
      this.printJson({
        ...toBudgetStatusReportJson(statuses, { timeZone: settings.zone, now: settings.now }),
        exceeded: exceeded.map((s) => s.budget.name),
      });
    } else {
      // A fresh tracker reports every budget past a mark once: exactly the ones to name.
      const alerts = new BudgetAlertTracker().update(statuses);
      for (const alert of alerts) this.log(budgetAlertLine(alert));
      if (exceeded.length === 0) {
        this.log(statuses.length === 0 ? 'No budgets to check' : `Every budget holds (${statuses.length} checked)`);
      }
    }
    if (exceeded.length > 0) process.exitCode = BUDGET_EXCEEDED_EXIT;
  }
}
