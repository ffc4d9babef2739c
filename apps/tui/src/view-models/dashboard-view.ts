import {
  agentIcon,
  blockBurnRate,
  budgetAlertLine,
  budgetStateRank,
  formatDuration,
  formatLocalDateTime,
  formatTokens,
  formatUsd,
  nanosToUsd,
  projectBlock,
  selectCostNanos,
  totalTokens,
  type BillingBlock,
  type BudgetStatus,
  type CostMode,
} from '@rimuru/core';
import type { DashboardData } from '../data/dashboard-data.js';
import { barChart } from './bar-chart.js';
import { columnChart } from './column-chart.js';
import { costCell, type CostRow } from './cost-rows.js';
import { trendCosts } from './cost-trend.js';
import { besides, columnWidths, meter, panel } from './panels.js';
import { fit, projectName, toSessionRow, type RowContext } from './session-row.js';
import { costText, tokensText, type UsageFigures } from './usage-figures.js';

export interface DashboardViewOptions {
  width: number;
  /** Lines the view has on screen; the view may run longer (it scrolls). */
  height: number;
  costMode: CostMode;
  activeWindowMs: number;
}

const usd = (nanos: bigint) => formatUsd(nanosToUsd(nanos));
const hhmm = (d: Date, zone: string) => formatLocalDateTime(d, zone).slice(11, 16);

/** `1 session`, `3 sessions`. */
function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * The dashboard, btop-style: a strip of today's and the week's figures, budget alerts, then
 * panels — the live 5-hour block, cost per day, top projects and models, active sessions and
 * agents — in two columns (three from 150 columns), sized to the screen.
 */
export function dashboardLines(d: DashboardData, o: DashboardViewOptions): string[] {
  const width = Math.max(40, o.width);
  const alerts = budgetLines(d.budgets).slice(0, 3);
  const lines = [figuresStrip(d, width), ...alerts];
  const n = width >= 150 ? 3 : width >= 76 ? 2 : 1;
  const widths = columnWidths(width, n);
  // The top row grows with the terminal: a taller chart, more about the block.
  const topHeight = 6 + Math.min(8, Math.max(0, Math.floor((o.height - 24) / 2)));
  const blockPanel = panel(
    '5h block · Claude Code',
    blockBody(d.block, d, widths[0]! - 4, o.costMode),
    widths[0]!,
    topHeight,
  );
  const trendPanel = panel(
    'Cost · last 7 days',
    trendBody(d, widths[Math.min(1, n - 1)]! - 4, topHeight - 2, o.costMode),
    widths[Math.min(1, n - 1)]!,
    topHeight,
  );
  const agentsWidth = n === 3 ? widths[2]! : width;
  const agentsPanel = panel(
    'Agents · last 7 days',
    agentsBody(d.agents, agentsWidth - 4),
    agentsWidth,
    n === 3 ? topHeight : undefined,
  );
  const activeMin = Math.min(8, Math.max(1, d.active.length));
  const listed = Math.max(3, d.projects.length, d.models.length);
  const room = o.height - lines.length - topHeight - (activeMin + 2) - 2;
  const listBody = Math.max(3, Math.min(listed, 10, room));
  // Side by side, both as tall as the longer list.
  const listHeight = Math.min(listBody, Math.max(1, d.projects.length, d.models.length)) + 2;
  const projectsPanel = panel(
    'Top projects · 7 days',
    topBody(d.projects, widths[0]! - 4, listBody, projectName),
    widths[0]!,
    listHeight,
  );
  const modelsWidth = widths[Math.min(1, n - 1)]!;
  const modelsPanel = panel(
    'Models · 7 days',
    topBody(d.models, modelsWidth - 4, listBody, (m) => m),
    modelsWidth,
    listHeight,
  );
  if (n === 1) lines.push(...blockPanel, ...trendPanel, ...projectsPanel, ...modelsPanel);
  else {
    lines.push(...besides(n === 3 ? [blockPanel, trendPanel, agentsPanel] : [blockPanel, trendPanel], widths));
    lines.push(...besides([projectsPanel, modelsPanel], widths.slice(0, 2)));
  }
  // Active sessions take what is left of the screen, at least their own rows (up to 8).
  const left = o.height - lines.length - 2 - (n === 3 ? 0 : d.agents.length + 2);
  const activeRows = Math.max(activeMin, Math.min(d.active.length, left));
  lines.push(
    ...panel(
      `Active sessions · ${d.activeNow} of ${plural(d.totalSessions, 'session')}`,
      activeSessionsBody(d, width - 4, activeRows, o),
      width,
    ),
  );
  if (n !== 3) lines.push(...agentsPanel);
  return lines.map((l) => fit(l, width));
}

/** `Today $1.20 · 3 sessions · 120K tok │ 7 days … │ ● 2 active`, shortened until it fits. */
function figuresStrip(d: DashboardData, width: number): string {
  const period = (name: string, f: UsageFigures, long: boolean) =>
    long
      ? `${name} ${costText(f)} · ${plural(f.sessions, 'session')} · ${tokensText(f)} tok`
      : `${name} ${costText(f)} · ${tokensText(f)} tok`;
  const active = `● ${d.activeNow} active`;
  const variants = [
    [period('Today', d.today, true), period('7 days', d.week, true), active],
    [period('Today', d.today, false), period('7 days', d.week, false), active],
    [`Today ${costText(d.today)}`, `7d ${costText(d.week)}`, active],
  ].map((parts) => parts.join(' │ '));
  return variants.find((v) => [...v].length <= width) ?? variants[variants.length - 1]!;
}

/** Budgets past 80 %, the worst first: `✖ budget "x" exceeded: …`, `▲ budget "y" passed 80%: …`. */
export function budgetLines(budgets: readonly BudgetStatus[]): string[] {
  return budgets
    .filter((s) => s.state !== 'ok')
    .sort((a, b) => budgetStateRank(b.state) - budgetStateRank(a.state))
    .map((status) => {
      const level = status.state === 'exceeded' ? 'exceeded' : 'warning';
      return `${level === 'exceeded' ? '✖' : '▲'} ${budgetAlertLine({ level, status })}`;
    });
}

/** The live block: its span and time left, cost against elapsed time, burn rate, projection. */
function blockBody(
  block: BillingBlock | null | undefined,
  d: Pick<DashboardData, 'now' | 'zone'>,
  width: number,
  mode: CostMode,
): string[] {
  if (block === undefined) return ['Reading the block…'];
  if (block === null) return ['No block running.', 'The next Claude Code request', 'opens a 5-hour block.'];
  const more = [
    `used  ${formatTokens(totalTokens(block.tokens))} tok · ${plural(block.requestCount, 'request')}`,
    ...(block.firstAt && block.lastAt
      ? [`from  ${hhmm(block.firstAt, d.zone)} to ${hhmm(block.lastAt, d.zone)} (first and last request)`]
      : []),
    ...block.models.map((model, i) => `${i === 0 ? 'model' : '     '} ${model}`),
  ];
  const cost = selectCostNanos(block, mode);
  const rate = blockBurnRate(block, cost);
  const projection = projectBlock(block, cost, d.now);
  const span = block.end.getTime() - block.start.getTime();
  const elapsed = Math.min(1, Math.max(0, (d.now.getTime() - block.start.getTime()) / span));
  const left = formatDuration(block.end.getTime() - d.now.getTime());
  const costText = `cost  ${usd(cost)}`;
  const bar = Math.max(4, width - costText.length - 6);
  return [
    `${hhmm(block.start, d.zone)} → ${hhmm(block.end, d.zone)} · ${left} left`,
    `${costText} ${meter(elapsed, bar)} ${String(Math.round(elapsed * 100)).padStart(3)}%`,
    rate === null
      ? 'burn  — (one request so far)'
      : `burn  ${usd(rate.costNanosPerHour)}/h · ${formatTokens(rate.tokensPerMinute)} tok/min`,
    projection === null
      ? `proj  ${usd(cost)} · ${formatTokens(totalTokens(block.tokens))} tok`
      : `proj  ${usd(projection.costNanos)} · ${formatTokens(projection.totalTokens)} tok by ${hhmm(block.end, d.zone)}`,
    // Seen only where the panel is taller than the four lines above.
    ...more,
  ];
}

function trendBody(d: DashboardData, width: number, height: number, mode: CostMode): string[] {
  const costs = trendCosts(d.trend, mode);
  if (costs.every((c) => c === 0n)) return ['(no cost in the last 7 days)'];
  return columnChart(
    d.trend.points.map((p, i) => ({ label: p.label, value: nanosToUsd(costs[i]!) })),
    { width, height: Math.max(1, height - 2), format: (v) => formatUsd(v) },
  );
}

/**
 * A top list: name, cost and share of the whole (a meter where there is room, and a percentage).
 * More rows than fit end in one line that sums the rest.
 */
export function topBody(
  rows: readonly CostRow[],
  width: number,
  height: number,
  name: (n: string) => string,
): string[] {
  if (rows.length === 0) return ['(no usage in 7 days)'];
  const total = rows.reduce((n, r) => n + r.costNanos, 0n);
  const withMeter = width >= 44;
  const nameWidth = Math.max(6, width - 15 - (withMeter ? 8 : 0));
  const line = (label: string, costNanos: bigint, cost: string) => {
    const share = total > 0n ? Number((costNanos * 10_000n) / total) / 10_000 : 0;
    return `${fit(label, nameWidth)} ${fit(cost, 9, 'right')}${withMeter ? ` ${meter(share, 7)}` : ''} ${`${Math.round(share * 100)}%`.padStart(4)}`;
  };
  if (rows.length <= height) return rows.map((r) => line(name(r.name), r.costNanos, costCell(r)));
  const shown = rows.slice(0, Math.max(1, height - 1));
  const rest = rows.slice(shown.length).reduce((n, r) => n + r.costNanos, 0n);
  return [
    ...shown.map((r) => line(name(r.name), r.costNanos, costCell(r))),
    line(`… ${rows.length - shown.length} more`, rest, usd(rest)),
  ];
}

function activeSessionsBody(d: DashboardData, width: number, rows: number, o: DashboardViewOptions): string[] {
  if (d.active.length === 0) return [`No session active in the last ${Math.round(o.activeWindowMs / 60_000)} minutes.`];
  const ctx: RowContext = { now: d.now, activeWindowMs: o.activeWindowMs, costMode: o.costMode, zone: d.zone };
  const project = Math.max(6, width - 2 - 14 - 9 - 8 - 10 - 4);
  const lines = d.active.slice(0, rows).map((s) => {
    const r = toSessionRow(s, ctx);
    return `● ${fit(r.agent, 14)}${fit(r.project, project)} ${fit(r.duration, 9, 'right')} ${fit(r.tokens, 8, 'right')} ${fit(r.cost, 10, 'right')}`;
  });
  if (d.activeNow > lines.length)
    lines[lines.length - 1] = `… and ${d.activeNow - lines.length + 1} more (3 Sessions, a: active only)`;
  return lines;
}

function agentsBody(agents: DashboardData['agents'], width: number): string[] {
  if (agents.length === 0) return ['(no agent data yet)'];
  return barChart(
    agents.map((a) => ({
      label: `${agentIcon(a.agentType)} ${a.agentType}`,
      value: a.figures.tokens ?? 0,
      text: `${tokensText(a.figures)} · ${costText(a.figures)}`,
    })),
    width,
  );
}
