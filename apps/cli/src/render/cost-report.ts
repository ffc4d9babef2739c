import { costRowJson, formatTokens, formatUsd, sumCostAggregates, type CostMode, type CostRowJson, type TimeRange } from '@rimuru/core';
import type { GroupedUsage } from '@rimuru/db';
import { renderTable } from './table.js';

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
export function buildCostReport(range: TimeRange, groups: GroupedUsage[], groupBy: string, costMode: CostMode): CostReportJson {
  const rows = groups
    .map((g) => ({ name: g.group, ...costRowJson(g, costMode) }))
    .sort((a, b) => b.costUsd - a.costUsd || b.totalTokens - a.totalTokens || (a.name ?? '').localeCompare(b.name ?? ''));
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

export function renderCostReport(report: CostReportJson, options: { title: string; label: string; color: boolean }): string {
  if (report.rows.length === 0) return `${options.title}\nNo usage in this range.`;
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
    { color: options.color, align: ['left', 'right', 'right', 'right', 'right', 'right'] },
  );
  const notes = report.totals.unpricedRequestCount > 0
    ? `\n* ${report.totals.unpricedRequestCount} requests have no known price (tokens counted, cost 0): rimuru models missing`
    : '';
  return `${options.title}\n${table}${notes}`;
}
