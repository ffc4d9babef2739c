import { toBudgetJson } from '@rimuru/core';
import { NO_BUDGETS, renderBudgetList } from '../../budget/budget-table.js';
import { StoreCommand } from '../../store-command.js';

export default class BudgetList extends StoreCommand<typeof BudgetList> {
  static override summary = 'List the budgets of the store';
  static override examples = ['<%= config.bin %> budget list', '<%= config.bin %> budget list --format json'];

  async run(): Promise<void> {
    const runtime = await this.open();
    const budgets = await runtime.store.budgets.list();
    if (this.json) this.printJson({ budgets: budgets.map(toBudgetJson) });
    else this.log(budgets.length === 0 ? NO_BUDGETS : renderBudgetList(budgets, { color: this.useColor }));
  }
}
