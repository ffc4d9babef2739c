import type { TimeRange } from '@rimuru/core';
import type { SessionStore, UsageBreakdownQuery } from '@rimuru/db';
import { buildCostReport, type CostReportJson } from '../render/cost-report.js';
import type { AnswerSettings } from './settings.js';

/** `rimuru costs …`: a resolved range and how to group the usage in it. */
export type CostReportQuestion = Omit<UsageBreakdownQuery, 'from' | 'to'> & { range: TimeRange };

/** The JSON answer of `rimuru costs summary|agent|by-model --format json`. */
export async function costReportAnswer(
  store: SessionStore,
  settings: AnswerSettings,
  q: CostReportQuestion,
): Promise<CostReportJson> {
  const { range, ...query } = q;
  const groups = await store.usage.breakdown({ ...query, from: range.from ?? undefined, to: range.to ?? undefined });
  return buildCostReport(range, groups, query.groupBy, settings.costMode);
}
