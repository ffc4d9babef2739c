import {
  createUsageReport,
  toUsageReportJson,
  type ReportGroupBy,
  type ReportPeriod,
  type UsageReportJson,
  type WeekStart,
} from '@rimuru/core';
import type { SessionStore } from '@rimuru/db';
import { serverReport } from './server-report.js';
import type { AnswerSettings } from './settings.js';

/** `rimuru report daily|weekly|monthly`. */
export interface UsageReportQuestion {
  period: ReportPeriod;
  since?: Date;
  until?: Date;
  /** Weekly reports only; core's default otherwise. */
  startOfWeek?: WeekStart;
  groupBy?: ReportGroupBy;
  breakdown: boolean;
  agentTypes?: string[];
  project?: string;
  /** Machines (sessions.host) to report; all when absent. */
  hosts?: string[];
}

/**
 * The JSON answer of `rimuru report daily|weekly|monthly --format json`: usage records reduced
 * in the database to quarter-hour slot sums (never session roll-ups), bucketed by core in the
 * answer's zone.
 */
export async function usageReportAnswer(
  store: SessionStore,
  settings: AnswerSettings,
  q: UsageReportQuestion,
): Promise<UsageReportJson> {
  const options = {
    period: q.period,
    zone: settings.zone,
    startOfWeek: q.startOfWeek,
    groupBy: q.groupBy,
    breakdown: q.breakdown,
  };
  const filter = { from: q.since, to: q.until, agentTypes: q.agentTypes, project: q.project, hosts: q.hosts };
  // A team server sums per period itself: its history is too large to send slot by slot.
  const summed = await serverReport(store, options, filter);
  if (summed !== null) return toUsageReportJson(summed, settings.costMode);
  const builder = createUsageReport(options);
  for (const slot of await store.usage.slots(filter)) builder.add(slot);
  return toUsageReportJson(builder.finish(), settings.costMode);
}
