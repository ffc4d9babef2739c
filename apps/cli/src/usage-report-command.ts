import { Flags, type Command } from '@oclif/core';
import {
  parseDateBound,
  parseWeekStart,
  REPORT_GROUP_BYS,
  WEEK_STARTS,
  type ReportGroupBy,
  type ReportPeriod,
} from '@rimuru/core';
import { usageReportAnswer } from './answers/usage-report.js';
import { planBlock, planReturnsOf } from './answers/plan-returns.js';
import { agentTypeFlag, hostFlag } from './flags.js';
import { ReadCommand } from './read-command.js';
import { writeCsv } from './render/csv-stream.js';
import { REPORT_CSV_COLUMNS, reportCsvRows } from './render/report-csv-rows.js';
import { renderUsageReport } from './render/report-table.js';

/** Flags of `report daily|weekly|monthly`. */
export const usageReportFlags = {
  format: Flags.string({
    description: 'Output format',
    options: ['table', 'json', 'csv'],
    default: 'table',
    helpGroup: 'GLOBAL',
  }),
  since: Flags.string({ description: 'First day (YYYY-MM-DD, local) or instant to include' }),
  until: Flags.string({ description: 'Last day (YYYY-MM-DD, local, inclusive) or instant (exclusive)' }),
  by: Flags.string({ description: 'Split each period by agent, model or project', options: [...REPORT_GROUP_BYS] }),
  breakdown: Flags.boolean({ description: 'Per-model rows under each period', default: false }),
  'agent-type': agentTypeFlag,
  project: Flags.string({ description: 'Only sessions whose project path contains this text' }),
  host: hostFlag,
};

export const weekStartFlag = Flags.string({
  description: 'Day weeks start on',
  options: [...WEEK_STARTS],
  default: 'monday',
});

/**
 * The shared run of the period reports: flags → usage records reduced in the database to
 * quarter-hour slot sums (never session roll-ups) → core's bucketing in the chosen zone →
 * table, JSON or CSV.
 */
export abstract class UsageReportCommand<T extends typeof Command> extends ReadCommand<T> {
  protected abstract readonly period: ReportPeriod;

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const flags = this.flags as Record<string, unknown>;
    const zone = settings.zone;
    const since = flags.since === undefined ? undefined : parseDateBound(flags.since as string, 'since', zone);
    const until = flags.until === undefined ? undefined : parseDateBound(flags.until as string, 'until', zone);
    const report = await usageReportAnswer(runtime.store, settings, {
      period: this.period,
      since,
      until,
      startOfWeek: flags['start-of-week'] === undefined ? undefined : parseWeekStart(flags['start-of-week'] as string),
      groupBy: flags.by as ReportGroupBy | undefined,
      breakdown: flags.breakdown === true,
      agentTypes: flags['agent-type'] as string[] | undefined,
      project: flags.project as string | undefined,
      hosts: flags.host as string[] | undefined,
    });
    // CSV stays one row per period: plans are for the table and JSON.
    const plans =
      flags.format === 'csv'
        ? { fields: {}, lines: [] }
        : await planReturnsOf(
            runtime,
            this.config,
            settings,
            { from: since ?? null, to: until ?? null },
            {
              agentTypes: flags['agent-type'] as string[] | undefined,
              hosts: flags.host as string[] | undefined,
            },
          );
    if (flags.format === 'json') this.printJson({ ...report, ...plans.fields });
    else if (flags.format === 'csv') await writeCsv(process.stdout, REPORT_CSV_COLUMNS, reportCsvRows(report));
    else
      this.log(
        `${renderUsageReport(report, { color: this.useColor, width: this.tableWidth })}${planBlock(plans.lines)}`,
      );
  }
}
