import { UsageReportCommand, usageReportFlags } from '../../usage-report-command.js';

export default class ReportDaily extends UsageReportCommand<typeof ReportDaily> {
  // As ccusage names it: `rimuru daily`.
  static override aliases = ['daily'];
  static override summary =
    'Tokens, cost, sessions and active days per local day from usage records, in your time zone';
  static override examples = [
    '<%= config.bin %> report daily --since 2026-01-01 --timezone Asia/Kolkata',
    '<%= config.bin %> report daily --by model --breakdown --format csv',
  ];
  static override flags = {
    ...usageReportFlags,
  };

  protected readonly period = 'daily' as const;
}
