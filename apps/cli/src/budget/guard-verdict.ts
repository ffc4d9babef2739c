import { BudgetAlertTracker, budgetAlertLine, formatLocalDateTime, type BudgetStatus } from '@rimuru/core';

/** Claude Code's documented blocking exit code for a UserPromptSubmit hook: the prompt is refused, stderr shown. */
export const CLAUDE_BLOCKING_EXIT = 2;

/**
 * The guard's reason to refuse a prompt: one line per exceeded hard budget and how to go on;
 * null while every hard budget holds (soft budgets never block).
 */
export function guardRefusal(statuses: readonly BudgetStatus[], zone: string): string | null {
  const over = statuses.filter((s) => s.budget.hard && s.state === 'exceeded');
  if (over.length === 0) return null;
  const lines = new BudgetAlertTracker().update(over).map((alert) => `Rimuru guard: ${budgetAlertLine(alert)}`);
  const first = over[0]!;
  const name = JSON.stringify(first.budget.name);
  lines.push(
    `New prompts are refused until ${formatLocalDateTime(first.window.end, zone)} (${zone}), or raise or remove the budget: ` +
      `rimuru budget set ${name} --amount <usd> --period ${first.budget.period}, rimuru budget rm ${name}`,
  );
  return lines.join('\n');
}
