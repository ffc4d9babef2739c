import {
  costRowJson,
  formatPlanUnits,
  formatTokens,
  formatUsd,
  sumCostAggregates,
  type CostMode,
  type CostRowJson,
  type TimeRange,
} from '@rimuru/core';
import type { GroupedUsage } from '@rimuru/db';
import { wrapText } from './shorten.js';
import { renderTable } from './table.js';
import { counted } from './plural.js';

export interface CostReportJson {
  range: string;
  from: string | null;
  to: string | null;
  costMode: CostMode;
  /** 'agentType' or 'model': what each row is. */
  groupBy: string;
  rows: (CostRowJson & { name: string | null })[];
  totals: CostRowJson;
}

/** The JSON of `rimuru costs …`: one row per agent or model, and exact totals. */
export function buildCostReport(
  range: TimeRange,
  groups: GroupedUsage[],
  groupBy: string,
  costMode: CostMode,
): CostReportJson {
  const rows = groups
    .map((g) => ({ name: g.group, ...costRowJson(g, costMode) }))
    .sort(
      (a, b) => b.costUsd - a.costUsd || b.totalTokens - a.totalTokens || (a.name ?? '').localeCompare(b.name ?? ''),
    );
  return {
    range: range.name,
    from: range.from?.toISOString() ?? null,
    to: range.to?.toISOString() ?? null,
    costMode,
    groupBy,
    rows,
    totals: costRowJson(sumCostAggregates(groups), costMode),
  };
}

function costCell(r: CostRowJson): string {
  if (r.costSource === 'unknown') return '—';
  if (r.costSource === 'unpriced') return 'unpriced';
  return `${formatUsd(r.costUsd)}${r.unpricedRequestCount > 0 ? '*' : ''}`;
}

export function renderCostReport(
  report: CostReportJson,
  options: { title: string; label: string; color: boolean; width?: number; planLines?: readonly string[] },
): string {
  // What each plan returned, below everything else; agents without a plan show API cost only.
  const planned = options.planLines && options.planLines.length > 0 ? `\n\n${options.planLines.join('\n')}` : '';
  if (report.rows.length === 0) return `${options.title}\nNo usage in this range.${planned}`;
  const line = (name: string, r: CostRowJson) => [
    name,
    String(r.requestCount),
    formatTokens(r.inputTokens),
    formatTokens(r.outputTokens),
    formatTokens(r.cacheReadTokens + r.cacheWriteTokens),
    costCell(r),
  ];
  const table = renderTable(
    [options.label, 'Requests', 'Input', 'Output', 'Cache', 'Cost'],
    [...report.rows.map((r) => line(r.name ?? '(no model)', r)), line('Total', report.totals)],
    {
      color: options.color,
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      width: options.width,
      fit: [{ shorten: 'end', min: 14, cut: 1 }, { drop: 2 }, {}, {}, {}, {}],
    },
  );
  const notes =
    report.totals.unpricedRequestCount > 0
      ? `\n${wrapText(`* ${counted(report.totals.unpricedRequestCount, 'request has', 'requests have')} no known price (tokens counted, cost 0): rimuru models missing`, options.width ?? Number.POSITIVE_INFINITY)}`
      : '';
  // Copilot's premium requests and AI credits, per row that carried any: units of the plan, not dollars.
  const units = report.rows.flatMap((r) => {
    const text = formatPlanUnits(r);
    return text === null ? [] : [`${r.name ?? '(no model)'} ${text}`];
  });
  const plan =
    units.length === 0
      ? ''
      : `\n${wrapText(`Plan units (not dollars): ${units.join('; ')}.`, options.width ?? Number.POSITIVE_INFINITY)}`;
  return `${options.title}\n${table}${notes}${plan}${planned}`;
}
