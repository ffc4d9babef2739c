import {
  formatPlanUnits,
  formatTokens,
  formatTokensExact,
  formatUsd,
  type UsageFiguresJson,
  type UsageReportJson,
} from '@rimuru/core';
import { wrapText } from './shorten.js';
import { renderTable, type ColumnFit } from './table.js';
import { counted } from './plural.js';

/** Below this many columns the table drops the per-class token columns. */
export const COMPACT_WIDTH = 100;

const GROUP_TITLE = { agent: 'Agent', model: 'Model', project: 'Project' } as const;
const PERIOD_TITLE = { daily: 'Date', weekly: 'Week of', monthly: 'Month' } as const;

/**
 * A report as a table that fits the terminal: all token classes when wide, totals only when
 * narrow (exact counts when wide, 12.5K style when compact), and a totals row.
 */
export function renderUsageReport(report: UsageReportJson, options: { color: boolean; width: number }): string {
  const compact = options.width < COMPACT_WIDTH;
  const tok = compact ? formatTokens : formatTokensExact;
  const grouped = report.groupBy !== null;
  const withDays = report.period !== 'daily';
  const head = [
    PERIOD_TITLE[report.period],
    ...(grouped ? [GROUP_TITLE[report.groupBy as keyof typeof GROUP_TITLE]] : []),
    ...(compact ? [] : ['Input', 'Output', 'Cache write', 'Cache read']),
    'Total tokens',
    'Cost',
    'Sessions',
    ...(withDays ? ['Active days'] : []),
  ];
  const figures = (f: UsageFiguresJson, sessions: number | null, days: number | null) => [
    ...(compact ? [] : [tok(f.inputTokens), tok(f.outputTokens), tok(f.cacheWriteTokens), tok(f.cacheReadTokens)]),
    tok(f.totalTokens),
    formatUsd(f.costUsd),
    sessions === null ? '' : String(sessions),
    ...(withDays ? [days === null ? '' : String(days)] : []),
  ];
  const rows: string[][] = [];
  for (const row of report.rows) {
    rows.push([
      row.period,
      ...(grouped ? [row.group ?? '(unknown)'] : []),
      ...figures(row, row.sessions, row.activeDays),
    ]);
    for (const m of row.breakdown ?? []) {
      rows.push([`  └ ${m.model ?? '(no model)'}`, ...(grouped ? [''] : []), ...figures(m, null, null)]);
    }
  }
  rows.push([
    'Total',
    ...(grouped ? [''] : []),
    ...figures(report.totals, report.totals.sessions, report.totals.activeDays),
  ]);
  const align = head.map((_, i) => (i === 0 || (grouped && i === 1) ? 'left' : 'right'));
  // Between 100 columns and the full table the token classes go one by one; then model rows
  // (└ name) shorten, then group names.
  const fit: ColumnFit[] = [
    { shorten: 'end', min: 12, cut: 0.5 },
    ...(grouped
      ? [{ shorten: report.groupBy === 'project' ? ('middle' as const) : ('end' as const), min: 12, cut: 0 }]
      : []),
    ...(compact ? [] : [{ drop: 1 }, { drop: 2 }, { drop: 3 }, { drop: 4 }]),
  ];
  const title = `Usage ${report.period} in ${report.timezone} (cost: ${report.costMode})`;
  const unpriced =
    report.totals.unpricedRequestCount > 0
      ? `\n${wrapText(`${counted(report.totals.unpricedRequestCount, 'request', 'requests')} of models without a known price ${report.totals.unpricedRequestCount === 1 ? 'counts' : 'count'} as $0.`, options.width)}`
      : '';
  // Copilot's premium requests and AI credits: units of the plan, summed apart from dollars (per row in the JSON).
  const units = formatPlanUnits(report.totals);
  const plan =
    units === null ? '' : `\n${wrapText(`Plan units (GitHub Copilot, not dollars): ${units}.`, options.width)}`;
  return `${title}\n${renderTable(head, rows, { color: options.color, align, width: options.width, fit })}${unpriced}${plan}`;
}
