import { UsageReportCommand, usageReportFlags, weekStartFlag } from '../../usage-report-command.js';

export default class ReportWeekly extends UsageReportCommand<typeof ReportWeekly> {
  // As ccusage names it: `rimuru weekly`.
  static override aliases = ['weekly'];
  static override summary = 'Tokens, cost, sessions and active days per week from usage records, in your time zone';
  static override examples = [
    '<%= config.bin %> report weekly --since 2026-01-01 --timezone Asia/Kolkata',
    '<%= config.bin %> report weekly --by model --breakdown --format csv',
  ];
  static override flags = {
    ...usageReportFlags,
    'start-of-week': weekStartFlag,
  };

  protected readonly period = 'weekly' as const;
}
