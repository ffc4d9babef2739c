import { formatTokens, formatTokensExact, formatUsd, type UsageFiguresJson, type UsageReportJson } from '@rimuru/core';
import { renderTable } from './table.js';

/** Below this many columns the table drops the per-class token columns. */
export const COMPACT_WIDTH = 100;

export function terminalWidth(): number {
  return process.stdout.columns ?? (Number(process.env.COLUMNS) || 120);
}

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
    'Total tokens', 'Cost', 'Sessions', ...(withDays ? ['Active days'] : []),
  ];
  const figures = (f: UsageFiguresJson, sessions: number | null, days: number | null) => [
    ...(compact ? [] : [tok(f.inputTokens), tok(f.outputTokens), tok(f.cacheWriteTokens), tok(f.cacheReadTokens)]),
    tok(f.totalTokens), formatUsd(f.costUsd), sessions === null ? '' : String(sessions), ...(withDays ? [days === null ? '' : String(days)] : []),
  ];
  const rows: string[][] = [];
  for (const row of report.rows) {
    rows.push([row.period, ...(grouped ? [row.group ?? '(unknown)'] : []), ...figures(row, row.sessions, row.activeDays)]);
    for (const m of row.breakdown ?? []) {
      rows.push([`  └ ${m.model ?? '(no model)'}`, ...(grouped ? [''] : []), ...figures(m, null, null)]);
    }
  }
  rows.push(['Total', ...(grouped ? [''] : []), ...figures(report.totals, report.totals.sessions, report.totals.activeDays)]);
  const align = head.map((_, i) => (i === 0 || (grouped && i === 1) ? 'left' : 'right') as 'left' | 'right');
  const title = `Usage ${report.period} in ${report.timezone} (cost: ${report.costMode})`;
  const unpriced = report.totals.unpricedRequestCount > 0 ? `\n${report.totals.unpricedRequestCount} requests of models without a known price count as $0.` : '';
  return `${title}\n${renderTable(head, rows, { color: options.color, align })}${unpriced}`;
}

