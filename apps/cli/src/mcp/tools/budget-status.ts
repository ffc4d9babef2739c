import { formatUsd, type BudgetStatusReportJson } from '@rimuru/core';
import { budgetStatusAnswer } from '../../answers/budget-status.js';
import { objectOf } from '../json-schema.js';
import { budgetStatusReportSchema } from '../answer-schemas.js';
import { defineTool } from '../tool.js';
import { viewInputs, type ViewArgs } from '../tool-input.js';

/** `rimuru budget status --format json`. */
export const budgetStatus = defineTool<ViewArgs>({
  name: 'budget_status',
  title: 'Budget status',
  description:
    'Every spending budget set with `rimuru budget set`: spent, remaining and projected spend in its current day, week or month ' +
    '(periods in the time zone), and its state: ok, warning from 80 %, exceeded from 100 % (what `rimuru budget status --format json` prints).',
  inputSchema: objectOf<ViewArgs>({ ...viewInputs }, ['timezone', 'costMode']),
  outputSchema: budgetStatusReportSchema,
  async run(args, ctx) {
    const report = await budgetStatusAnswer(ctx.runtime, ctx.settings(args));
    return { structured: report as unknown as Record<string, unknown>, text: summary(report) };
  },
});

function summary(r: BudgetStatusReportJson): string {
  if (r.budgets.length === 0)
    return 'No budgets are set (rimuru budget set <name> --amount <usd> --period day|week|month).';
  const lines = r.budgets.map(
    (b) =>
      `${b.name}: ${formatUsd(b.spentUsd)} of ${formatUsd(b.amountUsd)} this ${b.period} (${b.state}), projected ${formatUsd(b.projectedUsd)}`,
  );
  return lines.join('; ');
}
