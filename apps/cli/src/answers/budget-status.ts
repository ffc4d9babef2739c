import { toBudgetStatusReportJson, type BudgetStatusReportJson } from '@rimuru/core';
import { readBudgetStatuses } from '../budget/budget-read.js';
import type { Runtime } from '../runtime.js';
import type { AnswerSettings } from './settings.js';

/**
 * The JSON answer of `rimuru budget status --format json`: every budget's spend, remainder,
 * projection and state in its current period in the answer's zone.
 */
export async function budgetStatusAnswer(runtime: Runtime, settings: AnswerSettings): Promise<BudgetStatusReportJson> {
  const statuses = await readBudgetStatuses(runtime, settings);
  return toBudgetStatusReportJson(statuses, { timeZone: settings.zone, now: settings.now });
}
