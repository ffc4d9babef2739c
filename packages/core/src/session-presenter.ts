/**
 * What a session shows, as text: the one presenter behind the CLI's `sessions` table and
 * `sessions show`, and the TUI's session rows and details overlay. The apps keep only layout
 * (table cells, blessed lines, shortening to the terminal); every figure and word comes from here.
 */
import { agentIcon } from './agent-type.js';
import { formatLocalDateTime, formatLocalDateTimeLong } from './format-datetime.js';
import { formatDuration, formatTokens, formatTokensExact, formatUsd, shortId } from './format.js';
import { nanosToUsd } from './money.js';
import { formatPlanUnits, type PlanUnitsJson } from './plan-units.js';
import type { SessionJson, StoredSession } from './session.js';
import { selectCostNanos, toSessionJson, type CostTotals, type SessionJsonOptions } from './session-view.js';
import { totalTokens, type TokenCounts } from './tokens.js';

/** One session of a listing, every cell already formatted. */
export interface SessionRowView {
  id: string;
  shortId: string;
  /** Icon and agent type: `⟁ claude-code`. */
  agent: string;
  /** The project's last path segment, `—` without one. */
  project: string;
  /** `2026-01-12 10:00` in the user's zone. */
  started: string;
  /** `01-12 10:00` this year, `2025-12-16` (the date alone) another year: never ambiguous. */
  startedShort: string;
  duration: string;
  /** `12.5K`; `—` where the agent keeps no token data. */
  tokens: string;
  /** Dollars in the cost mode; `—` when unknown. */
  cost: string;
  active: boolean;
}

/** The last path segment: the part of a project path that tells sessions apart. */
export function projectName(path: string | null): string {
  if (!path) return '—';
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** A session's dollars in its cost mode, `—` when the cost is unknown (never a misleading $0.00). */
function sessionCostText(s: Pick<SessionJson, 'costUsd' | 'costSource'>): string {
  return s.costSource === 'unknown' ? '—' : formatUsd(s.costUsd);
}

/**
 * A session's row, from its JSON view (status, cost mode and active window already applied).
 * `now` decides which year the short start leaves out; without it the short start is the full one.
 */
export function presentSessionRow(s: SessionJson, opts: { zone: string; now?: Date }): SessionRowView {
  const started = formatLocalDateTime(new Date(s.startedAt), opts.zone);
  const thisYear = opts.now === undefined ? null : formatLocalDateTime(opts.now, opts.zone).slice(0, 4);
  return {
    id: s.id,
    shortId: shortId(s.id),
    agent: `${agentIcon(s.agentType)} ${s.agentType}`,
    project: projectName(s.projectPath),
    started,
    startedShort: thisYear === null ? started : started.startsWith(thisYear) ? started.slice(5) : started.slice(0, 10),
    duration: formatDuration(s.durationMs),
    tokens: formatTokens(s.totalTokens),
    cost: sessionCostText(s),
    active: s.status === 'active',
  };
}

/** A stored session's row under the caller's instant, active window, cost mode and zone. */
export function presentStoredSessionRow(s: StoredSession, opts: SessionJsonOptions & { zone: string }): SessionRowView {
  return presentSessionRow(toSessionJson(s, opts), opts);
}

/** What the detail reads of one model's usage in a session (the store's per-model roll-up). */
export interface ModelUsageFigures extends CostTotals {
  model: string | null;
  requestCount: number;
  unpricedRequestCount: number;
  tokens: TokenCounts;
}

export interface ModelBreakdownJson {
  model: string | null;
  requestCount: number;
  priced: boolean;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  calculatedCostUsd: number;
  recordedCostUsd: number | null;
  costUsd: number;
}

/** A session's detail (`sessions show --format json`), without the CLI's cost breakdown. */
export interface SessionDetailViewJson extends SessionJson {
  host: string;
  parentExternalId: string | null;
  cacheWrite5mTokens: number | null;
  cacheWrite1hTokens: number | null;
  calculatedCostUsd: number;
  recordedCostUsd: number | null;
  unpricedRequestCount: number;
  byModel: ModelBreakdownJson[];
}

function toModelBreakdownJson(m: ModelUsageFigures, costMode: SessionJsonOptions['costMode']): ModelBreakdownJson {
  const t = m.tokens;
  return {
    model: m.model,
    requestCount: m.requestCount,
    priced: m.unpricedRequestCount === 0,
    inputTokens: t.input,
    outputTokens: t.output,
    cacheReadTokens: t.cacheRead,
    cacheWrite5mTokens: t.cacheWrite5m,
    cacheWrite1hTokens: t.cacheWrite1h,
    reasoningTokens: t.reasoning,
    totalTokens: totalTokens(t),
    calculatedCostUsd: nanosToUsd(m.calculatedCostNanos),
    recordedCostUsd: m.recordedCostNanos === null ? null : nanosToUsd(m.recordedCostNanos),
    costUsd: nanosToUsd(selectCostNanos(m, costMode)),
  };
}

export function toSessionDetailJson(
  session: StoredSession,
  byModel: readonly ModelUsageFigures[],
  opts: SessionJsonOptions,
): SessionDetailViewJson {
  return {
    ...toSessionJson(session, opts),
    host: session.host,
    parentExternalId: session.parentExternalId,
    cacheWrite5mTokens: session.tokens?.cacheWrite5m ?? null,
    cacheWrite1hTokens: session.tokens?.cacheWrite1h ?? null,
    calculatedCostUsd: nanosToUsd(session.calculatedCostNanos),
    recordedCostUsd: session.recordedCostNanos === null ? null : nanosToUsd(session.recordedCostNanos),
    unpricedRequestCount: session.unpricedRequestCount,
    byModel: byModel.map((m) => toModelBreakdownJson(m, opts.costMode)),
  };
}

/** One model's row of a session's "By model" table, every cell formatted. */
export interface ModelRowView {
  model: string;
  requests: string;
  input: string;
  output: string;
  cacheRead: string;
  cacheWrite: string;
  total: string;
  /** Dollars in the cost mode; `unpriced` when some request's model has no price. */
  cost: string;
}

export function presentModelRow(m: ModelBreakdownJson): ModelRowView {
  return {
    model: m.model ?? '(unknown)',
    requests: String(m.requestCount),
    input: formatTokens(m.inputTokens),
    output: formatTokens(m.outputTokens),
    cacheRead: formatTokens(m.cacheReadTokens),
    cacheWrite: formatTokens(m.cacheWrite5mTokens + m.cacheWrite1hTokens),
    total: formatTokens(m.totalTokens),
    cost: m.priced ? formatUsd(m.costUsd) : 'unpriced',
  };
}

/**
 * One line of a session's detail: a labelled value (the label padded to its column, the value
 * shortened by the renderer as `shorten` says when the screen is narrow) or a bare line.
 */
export type DetailLine = { label: string; value: string; shorten: 'middle' | 'end' | null } | { text: string };

const field = (label: string, value: string, shorten: 'middle' | 'end' | null = null): DetailLine => ({
  label: label.padEnd(label.startsWith('  ') ? 15 : 12),
  value,
  shorten,
});

/** Everything a session's detail says, in order; the "By model" rows come from presentModelRow. */
export function presentSessionDetail(
  d: SessionDetailViewJson & PlanUnitsJson & { title?: string | null },
  zone: string,
): DetailLine[] {
  const exact = (n: number | null) => (n === null ? 'unknown' : formatTokensExact(n));
  const lines: DetailLine[] = [
    field('Session', d.id),
    field('Agent', `${agentIcon(d.agentType)} ${d.agentType} (${d.agentName} on ${d.host})`, 'end'),
    field('Agent id', d.externalId, 'middle'),
    ...(d.parentExternalId ? [field('Parent', d.parentExternalId, 'middle')] : []),
    ...(d.title ? [field('Title', d.title, 'end')] : []),
    field('Project', d.projectPath ?? '—', 'middle'),
    field('Status', d.status),
    field('Started', formatLocalDateTimeLong(new Date(d.startedAt), zone)),
    field('Ended', formatLocalDateTimeLong(new Date(d.endedAt), zone)),
    field('Duration', formatDuration(d.durationMs)),
    field('Models', d.models.join(', ') || '—', 'end'),
    field('Requests', String(d.requestCount)),
    { text: '' },
    field('Tokens', `${exact(d.totalTokens)}${d.totalTokens === null ? ' (this agent keeps no token data)' : ''}`),
    field('  input', exact(d.inputTokens)),
    field('  output', exact(d.outputTokens)),
    field('  cache read', exact(d.cacheReadTokens)),
    field(
      '  cache write',
      `${exact(d.cacheWriteTokens)} (5m ${exact(d.cacheWrite5mTokens)}, 1h ${exact(d.cacheWrite1hTokens)})`,
    ),
    field('  reasoning', exact(d.reasoningTokens)),
    { text: '' },
    field('Cost', `${d.costSource === 'unknown' ? 'unknown' : formatUsd(d.costUsd)} (${d.costSource})`),
    field('  calculated', formatUsd(d.calculatedCostUsd)),
    field('  recorded', d.recordedCostUsd === null ? '—' : formatUsd(d.recordedCostUsd)),
  ];
  const n = d.unpricedRequestCount;
  if (n > 0) lines.push({ text: `  ${n === 1 ? '1 request has' : `${n} requests have`} no known price (cost 0)` });
  const units = formatPlanUnits(d);
  if (units !== null) lines.push(field('Plan units', `${units} (what the plan counted, not dollars)`, 'end'));
  return lines;
}
