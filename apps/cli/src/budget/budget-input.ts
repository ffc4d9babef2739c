import { parseBudgetAmount, parseBudgetName, parseBudgetPeriod, UsageError, type BudgetSpec } from '@rimuru/core';

/** What `rimuru budget set` was given, as typed. */
export interface BudgetSetInput {
  name: string;
  amount: string;
  period: string;
  agentType?: string;
  project?: string;
  model?: string;
  hard: boolean;
}

// Built-in agent types and plugin types alike are kebab-case names (`rimuru agents` lists them).
const AGENT_TYPE_RE = /^[a-z0-9][a-z0-9._-]*$/;

function filterValue(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '')
    throw new UsageError(
      `--${flag} cannot be empty: leave it out to count every ${flag === 'agent-type' ? 'agent' : flag}`,
    );
  return trimmed;
}

/** Checks every value of `budget set` before anything is written: one clear message each. */
export function budgetSpecOf(input: BudgetSetInput): BudgetSpec {
  const agentType = filterValue('agent-type', input.agentType);
  if (agentType !== null && !AGENT_TYPE_RE.test(agentType)) {
    throw new UsageError(
      `Invalid agent type "${agentType}": expected a kebab-case type such as claude-code (see \`rimuru agents\`)`,
    );
  }
  return {
    name: parseBudgetName(input.name),
    amountNanos: parseBudgetAmount(input.amount),
    period: parseBudgetPeriod(input.period),
    agentType,
    project: filterValue('project', input.project),
    model: filterValue('model', input.model),
    hard: input.hard,
  };
}
