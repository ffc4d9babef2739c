import { toBudgetStatusReportJson } from '@rimuru/core';
import { readBudgetStatuses } from '../../budget/budget-read.js';
import { NO_BUDGETS, renderBudgetStatus } from '../../budget/budget-table.js';
import { ReadCommand } from '../../read-command.js';
import { tableWidth } from '../../render/terminal-width.js';

export default class BudgetStatus extends ReadCommand<typeof BudgetStatus> {
  static override summary = 'Spent, remaining and projected spend of every budget in its current period';
  static override description =
    'Projected = spent so far / time elapsed in the period × the whole period (the current burn rate held to the ' +
    "period's end). State: ok, warning from 80 % spent, exceeded from 100 %. Periods follow --timezone (else the " +
    "config's, else the system's); weeks start on Monday.";
  static override examples = [
    '<%= config.bin %> budget status',
    '<%= config.bin %> budget status --format json --no-sync',
  ];

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const statuses = await readBudgetStatuses(runtime, settings);
    if (settings.json)
      this.printJson(toBudgetStatusReportJson(statuses, { timeZone: settings.zone, now: settings.now }));
    else {
      const width = tableWidth({ wide: (this.flags as Record<string, unknown>).wide === true });
      this.log(
        statuses.length === 0
          ? NO_BUDGETS
          : renderBudgetStatus(statuses, { color: this.useColor, zone: settings.zone, width }),
      );
    }
  }
}
