import { Args, Flags } from '@oclif/core';
import { budgetScopeText, formatUsd, nanosToUsd, toBudgetJson } from '@rimuru/core';
import { budgetSpecOf } from '../../budget/budget-input.js';
import { StoreCommand } from '../../store-command.js';

export default class BudgetSet extends StoreCommand<typeof BudgetSet> {
  static override summary = 'Create or replace a spending cap per local day, week or month';
  static override description = [
    'Budgets live in the store: everyone using the same store (a team on one PostgreSQL) shares them.',
    'Spent is the cost (auto: recorded where the agent wrote one, else calculated) of the usage records in the current',
    'period, in the configured time zone (weeks start on Monday). Setting an existing name replaces it whole.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> budget set monthly --amount 200 --period month',
    '<%= config.bin %> budget set opus-daily --amount 25 --period day --model opus --hard',
    '<%= config.bin %> budget set api --amount 50 --period week --agent-type claude-code --project api',
  ];
  static override args = { name: Args.string({ description: 'Budget name (1 to 64 characters)', required: true }) };
  static override flags = {
    amount: Flags.string({ description: 'Cap per period in US dollars, more than 0 (25, 7.50)', required: true }),
    period: Flags.string({ description: 'Period the cap applies to: day, week or month', required: true }),
    'agent-type': Flags.string({
      description: 'Count only this agent type (claude-code, codex, … — see `rimuru agents`)',
    }),
    project: Flags.string({ description: 'Count only sessions whose project path contains this text (any case)' }),
    model: Flags.string({ description: 'Count only models whose name contains this text (any case), e.g. opus' }),
    hard: Flags.boolean({
      description:
        'Once exceeded, the Claude Code guard hook refuses new prompts (`rimuru hooks install claude-code --guard`)',
      default: false,
    }),
  };

  async run(): Promise<void> {
    // Checked before the store opens: bad input never touches it.
    const spec = budgetSpecOf({
      name: this.args.name,
      amount: this.flags.amount,
      period: this.flags.period,
      agentType: this.flags['agent-type'],
      project: this.flags.project,
      model: this.flags.model,
      hard: this.flags.hard,
    });
    const runtime = await this.open();
    const { budget, created } = await runtime.store.budgets.save(spec);
    if (this.json) {
      this.printJson({ change: created ? 'created' : 'updated', budget: toBudgetJson(budget) });
      return;
    }
    const scope = budgetScopeText(budget);
    this.log(
      `Budget "${budget.name}" ${created ? 'created' : 'updated'}: ${formatUsd(nanosToUsd(budget.amountNanos))} per ${budget.period} (${scope}${budget.hard ? '; hard' : ''})`,
    );
  }
}
