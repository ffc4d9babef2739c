import { agentIcon, formatLocalDateTime, formatTokens, formatUsd, nanosToUsd, type CostMode } from '@rimuru/core';
import type { AgentSummary } from '../data/agents-data.js';
import type { CostsData } from '../data/costs-data.js';
import { COST_RANGE_LABELS, type CostPanel } from './cost-range.js';
import { costCell } from './cost-rows.js';
import { tildePath } from './first-run-lines.js';
import { fitTrend, trendCosts, type TrendUnit } from './cost-trend.js';
import { columnChart, columnRoom } from './column-chart.js';
import { fit } from './session-row.js';
import { costText, tokensText } from './usage-figures.js';

const usd = (nanos: bigint) => formatUsd(nanosToUsd(nanos));

/** View 2: one line per agent, then its data roots (`~/…` under the home directory). */
export function agentsLines(agents: readonly AgentSummary[], zone: string, width: number, homeDir = ''): string[] {
  const lines = [fit(`${fit('Agent', 16)}${fit('Detected', 10)}${fit('Sessions', 10, 'right')}  Last activity`, width)];
  for (const a of agents) {
    const last = a.lastActivityAt ? formatLocalDateTime(a.lastActivityAt, zone) : '—';
    const origin =
      a.origin === 'plugin' ? '  (plugin)' : a.origin === 'store' ? '  (in the store; no adapter here)' : '';
    lines.push(
      fit(
        `${fit(`${agentIcon(a.type)} ${a.type}`, 16)}${fit(a.detected ? 'yes' : 'no', 10)}${fit(String(a.sessionCount), 10, 'right')}  ${last}${origin}`,
        width,
      ),
    );
    for (const root of a.roots) lines.push(fit(`    ${tildePath(root, homeDir)}`, width));
  }
  return lines;
}

/** View 4: the tab strip, then the focused panel, in `height` lines at most. */
export function costsLines(
  d: CostsData,
  panel: CostPanel,
  panels: readonly CostPanel[],
  width: number,
  height: number,
  mode: CostMode,
): string[] {
  const tabs = panels.map((p) => (p === panel ? `[${p}]` : ` ${p} `)).join(' ');
  const head = [fit(`${tabs}   range: ${COST_RANGE_LABELS[d.range]}`, width), ''];
  switch (panel) {
    case 'Summary': {
      const s = d.summary;
      return [
        ...head,
        `Sessions      ${s.sessions}`,
        `Requests      ${s.requests}${s.unpricedRequests > 0 ? ` (${s.unpricedRequests} without a known price)` : ''}`,
        `Tokens        ${tokensText(s)}`,
        `Cost          ${costText(s)}`,
        `  calculated  ${s.requests === 0 ? '—' : usd(s.calculatedNanos)}`,
        `  recorded    ${s.recordedNanos === null ? '—' : usd(s.recordedNanos)}`,
        `Per session   ${s.sessions > 0 && s.costSource !== 'unknown' ? formatUsd(nanosToUsd(s.costNanos) / s.sessions) : '—'}`,
        // What each plan returned over the range, as in `rimuru costs summary`.
        ...(d.planLines.length > 0 ? ['', 'Plans', ...d.planLines.map((l) => fit(`  ${l}`, width))] : []),
      ];
    }
    case 'By agent':
      return [
        ...head,
        fit(
          `${fit('Agent', 16)}${fit('Requests', 10, 'right')}${fit('Tokens', 10, 'right')}${fit('Cost', 14, 'right')}`,
          width,
        ),
        ...d.byAgent.map((a) =>
          fit(
            `${fit(`${agentIcon(a.name)} ${a.name}`, 16)}${fit(String(a.requests), 10, 'right')}${fit(formatTokens(a.tokens), 10, 'right')}${fit(costCell(a), 14, 'right')}`,
            width,
          ),
        ),
      ];
    case 'By model':
      return [
        ...head,
        fit(
          `${fit('Model', 36)}${fit('Requests', 10, 'right')}${fit('Tokens', 9, 'right')}${fit('Cost', 13, 'right')}`,
          width,
        ),
        ...(d.byModel.length === 0 ? ['(no usage in range)'] : []),
        ...d.byModel.map((m) =>
          fit(
            `${fit(m.name, 36)}${fit(String(m.requests), 10, 'right')}${fit(formatTokens(m.tokens), 9, 'right')}${fit(costCell(m), 13, 'right')}`,
            width,
          ),
        ),
        ...(d.byModel.some((m) => m.unpricedRequests > 0)
          ? ['', '* some requests have no known price (tokens counted, cost 0)']
          : []),
      ];
    case 'Trend':
      return [...head, ...trendLines(d, width, Math.max(3, height - head.length), mode)];
  }
}

const UNIT_NAMES: Record<TrendUnit, [string, string]> = {
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
};

/** The Costs view's trend: cost per hour, day, week or month over exactly the range shown. */
function trendLines(d: CostsData, width: number, height: number, mode: CostMode): string[] {
  // Two lines of title and footnote, two of axis and labels: the rest is bars.
  const chartHeight = Math.max(1, height - 4);
  if (d.trend.points.length === 0) return ['(no usage in range)'];
  const total = trendCosts(d.trend, mode).reduce((a, b) => a + b, 0n);
  // No bar exceeds the total, so its figure is the widest the y-axis can need.
  const trend = fitTrend(d.trend, columnRoom(width, usd(total).length), d.zone);
  const costs = trendCosts(trend, mode);
  const peakAt = costs.reduce((best, c, i) => (c > costs[best]! ? i : best), 0);
  const [one, many] = UNIT_NAMES[trend.unit];
  const used = costs.filter((c) => c > 0n).length;
  const first = trend.points[0]!.label;
  const last = trend.points[trend.points.length - 1]!.label;
  return [
    fit(`Cost per ${one} · ${first} → ${last} · total ${usd(total)}`, width),
    ...columnChart(
      trend.points.map((p, i) => ({ label: p.label, value: nanosToUsd(costs[i]!) })),
      { width, height: chartHeight, format: (v) => formatUsd(v) },
    ),
    fit(
      `peak ${usd(costs[peakAt]!)} (${trend.points[peakAt]!.label}) · ${used} of ${trend.points.length} ${trend.points.length === 1 ? one : many} with cost`,
      width,
    ),
  ];
}
