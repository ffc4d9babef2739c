import { budgetStateRank, formatTokens, formatUsd, type BudgetStatusJson } from '@rimuru/core';
import type { StatuslineFigures } from './statusline-figures.js';

const SEPARATOR = ' | ';

export interface LineStyle {
  /** ANSI colours for the budget's state (Claude Code renders them). */
  color: boolean;
}

const paint = (code: number, text: string, on: boolean) => (on ? `\u001b[${code}m${text}\u001b[39m` : text);

/**
 * The one line: model | this session's tokens and cost | today's cost (all agents) | the active
 * 5-hour block's cost, time left and burn rate | the tightest budget. A part with nothing to
 * show (no active block, no budget) is left out.
 */
export function statuslineText(model: string, figures: StatuslineFigures, style: LineStyle): string {
  const parts = [model];
  const s = figures.session;
  parts.push(s === null ? 'session —' : `session ${formatTokens(s.totalTokens)} tok ${formatUsd(s.costUsd)}`);
  parts.push(`today ${formatUsd(figures.today.costUsd)}`);
  const b = figures.block;
  if (b !== null) {
    const rate = b.burnRate === null ? '' : `, ${formatUsd(b.burnRate.costUsdPerHour)}/h`;
    parts.push(`block ${formatUsd(b.costUsd)} (${timeLeft(b.remainingMinutes)} left${rate})`);
  }
  if (figures.budget !== null) parts.push(budgetText(figures.budget, style));
  return parts.join(SEPARATOR);
}

/** '2h 05m', '45m': a block is never longer than a few hours. */
function timeLeft(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : `${h}h ${String(m).padStart(2, '0')}m`;
}

/** 'budget daily 64% of $20.00 ok', with the projection when the period ends worse than it stands now. */
function budgetText(budget: BudgetStatusJson, style: LineStyle): string {
  const state = (s: BudgetStatusJson['state']) => (s === 'ok' ? s : paint(s === 'warning' ? 33 : 31, s, style.color));
  const projected =
    budgetStateRank(budget.projectedState) > budgetStateRank(budget.state)
      ? ` (projected ${formatUsd(budget.projectedUsd)}: ${state(budget.projectedState)})`
      : '';
  return `budget ${budget.name} ${Math.round(budget.percentUsed)}% of ${formatUsd(budget.amountUsd)} ${state(budget.state)}${projected}`;
}

/** What the line names the model by: Claude Code's display name, else its id, else the session's main model. */
export function modelLabel(
  input: { modelName: string | null; modelId: string | null },
  session: { model: string | null } | null,
): string {
  return input.modelName ?? input.modelId ?? session?.model ?? 'Claude';
}
