import { Args } from '@oclif/core';
import { UsageError } from '@rimuru/core';
import { StoreCommand } from '../../store-command.js';

export default class BudgetRm extends StoreCommand<typeof BudgetRm> {
  static override summary = 'Remove a budget';
  static override examples = ['<%= config.bin %> budget rm monthly'];
  static override args = { name: Args.string({ description: 'Budget name', required: true }) };

  async run(): Promise<void> {
    const runtime = await this.open();
    const name = this.args.name.trim();
    if (!(await runtime.store.budgets.remove(name))) {
      const names = (await runtime.store.budgets.list()).map((b) => b.name);
      const known = names.length === 0 ? 'the store has no budgets' : `budgets: ${names.join(', ')}`;
      throw new UsageError(`No budget named "${name}" (${known})`, { code: 'NOT_FOUND' });
    }
    if (this.json) this.printJson({ name, removed: true });
    else this.log(`Budget "${name}" removed`);
  }
}
