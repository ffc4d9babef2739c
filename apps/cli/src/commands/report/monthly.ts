import { UsageReportCommand, usageReportFlags } from '../../usage-report-command.js';

export default class ReportMonthly extends UsageReportCommand<typeof ReportMonthly> {
  // As ccusage names it: `rimuru monthly`.
  static override aliases = ['monthly'];
  static override summary = 'Tokens, cost, sessions and active days per month from usage records, in your time zone';
  static override examples = [
    '<%= config.bin %> report monthly --since 2026-01-01 --timezone Asia/Kolkata',
    '<%= config.bin %> report monthly --by model --breakdown --format csv',
  ];
  static override flags = {
    ...usageReportFlags,
  };

  protected readonly period = 'monthly' as const;
}
