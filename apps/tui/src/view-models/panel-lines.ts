import { agentIcon, formatLocalDateTime, formatTokens, formatUsd, nanosToUsd } from '@rimuru/core';
import type { AgentSummary } from '../data/agents-data.js';
import type { CostsData } from '../data/costs-data.js';
import type { DashboardData, PeriodFigures } from '../data/dashboard-data.js';
import { barChart } from './bar-chart.js';
import { COST_RANGE_LABELS, type CostPanel } from './cost-range.js';
import { fit } from './session-row.js';

const usd = (nanos: bigint) => formatUsd(nanosToUsd(nanos));

function figuresLine(title: string, f: PeriodFigures): string {
  return `${fit(title, 12)}${fit(`${f.sessions} sessions`, 16)}${fit(`${formatTokens(f.tokens)} tokens`, 16)}${usd(f.costNanos)}`;
}

/** View 1: totals, active sessions, cost per day and tokens by agent. */
export function dashboardLines(d: DashboardData, width: number): string[] {
  const chartWidth = Math.max(20, width - 4);
  return [
    figuresLine('Today', d.today),
    figuresLine('Last 7 days', d.week),
    `${fit('Active now', 12)}${d.activeNow} of ${d.totalSessions} sessions`,
    '',
    'Cost per day (last 7 days)',
    ...barChart(d.costPerDay.map((c) => ({ label: c.label, value: nanosToUsd(c.costNanos), text: usd(c.costNanos) })), chartWidth),
    '',
    'Tokens by agent (last 7 days)',
    ...barChart(
      d.tokensByAgent.map((a) => ({ label: `${agentIcon(a.agentType)} ${a.agentType}`, value: a.tokens, text: formatTokens(a.tokens) })),
      chartWidth,
    ),
  ];
}

/** View 2: one line per agent, then its data roots. */
export function agentsLines(agents: readonly AgentSummary[], zone: string, width: number): string[] {
  const lines = [fit(`${fit('Agent', 16)}${fit('Detected', 10)}${fit('Sessions', 10, 'right')}  Last activity`, width)];
  for (const a of agents) {
    const last = a.lastActivityAt ? formatLocalDateTime(a.lastActivityAt, zone) : '—';
    lines.push(fit(`${fit(`${agentIcon(a.type)} ${a.type}`, 16)}${fit(a.detected ? 'yes' : 'no', 10)}${fit(String(a.sessionCount), 10, 'right')}  ${last}`, width));
    for (const root of a.roots) lines.push(fit(`    ${root}`, width));
  }
  return lines;
}

/** View 4: the tab strip, then the focused panel. */
export function costsLines(d: CostsData, panel: CostPanel, panels: readonly CostPanel[], width: number): string[] {
  const tabs = panels.map((p) => (p === panel ? `[${p}]` : ` ${p} `)).join(' ');
  const head = [fit(`${tabs}   range: ${COST_RANGE_LABELS[d.range]}`, width), ''];
  const chartWidth = Math.max(20, width - 4);
  switch (panel) {
    case 'Summary': {
      const s = d.summary;
      return [
        ...head,
        `Sessions      ${s.sessions}`,
        `Requests      ${s.requests}${s.unpricedRequests > 0 ? ` (${s.unpricedRequests} without a known price)` : ''}`,
        `Tokens        ${formatTokens(s.tokens)}`,
        `Cost          ${usd(s.costNanos)}`,
        `  calculated  ${usd(s.calculatedNanos)}`,
        `  recorded    ${s.recordedNanos === null ? '—' : usd(s.recordedNanos)}`,
        `Per session   ${s.sessions > 0 ? formatUsd(nanosToUsd(s.costNanos) / s.sessions) : '—'}`,
      ];
    }
    case 'By agent':
      return [
        ...head,
        fit(`${fit('Agent', 16)}${fit('Requests', 10, 'right')}${fit('Tokens', 10, 'right')}${fit('Cost', 14, 'right')}`, width),
        ...d.byAgent.map((a) =>
          fit(`${fit(`${agentIcon(a.agentType)} ${a.agentType}`, 16)}${fit(String(a.requests), 10, 'right')}${fit(formatTokens(a.tokens), 10, 'right')}${fit(usd(a.costNanos), 14, 'right')}`, width),
        ),
      ];
    case 'By model':
      return [
        ...head,
        fit(`${fit('Model (main model of each session)', 36)}${fit('Sessions', 9, 'right')}${fit('Tokens', 9, 'right')}${fit('Cost', 13, 'right')}`, width),
        ...(d.byModel.length === 0 ? ['(no sessions in range)'] : []),
        ...d.byModel.map((m) =>
          fit(`${fit(m.model, 36)}${fit(String(m.sessions), 9, 'right')}${fit(formatTokens(m.tokens), 9, 'right')}${fit(usd(m.costNanos), 13, 'right')}`, width),
        ),
        ...(d.byModelCapped ? ['', '(the newest sessions of the range only)'] : []),
      ];
    case 'Daily trend':
      return [...head, ...barChart(d.daily.map((c) => ({ label: c.label, value: nanosToUsd(c.costNanos), text: usd(c.costNanos) })), chartWidth)];
  }
}
