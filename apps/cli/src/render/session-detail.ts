import {
  agentIcon,
  formatDuration,
  formatLocalDateTimeLong,
  formatTokens,
  formatTokensExact,
  formatUsd,
  nanosToUsd,
  selectCostNanos,
  totalTokens,
  type SessionJson,
  type StoredSession,
  type TokenCounts,
} from '@rimuru/core';
import type { ModelUsage } from '@rimuru/db';
import type { ReadSettings } from '../read-command.js';
import { toJsonList } from '../session-query.js';
import { renderTable } from './table.js';
import { renderCostBreakdown, type CostBreakdownJson } from './cost-breakdown.js';

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

export interface SessionDetailJson extends SessionJson {
  host: string;
  parentExternalId: string | null;
  cacheWrite5mTokens: number | null;
  cacheWrite1hTokens: number | null;
  calculatedCostUsd: number;
  recordedCostUsd: number | null;
  unpricedRequestCount: number;
  byModel: ModelBreakdownJson[];
  /** The calculated cost per model × price row × token class, with the price used and its date. */
  costBreakdown: CostBreakdownJson[];
}

export function buildSessionDetail(
  session: StoredSession,
  byModel: ModelUsage[],
  settings: ReadSettings,
  costBreakdown: CostBreakdownJson[] = [],
): SessionDetailJson {
  const base = toJsonList([session], settings)[0]!;
  return {
    ...base,
    host: session.host,
    parentExternalId: session.parentExternalId,
    cacheWrite5mTokens: session.tokens?.cacheWrite5m ?? null,
    cacheWrite1hTokens: session.tokens?.cacheWrite1h ?? null,
    calculatedCostUsd: nanosToUsd(session.calculatedCostNanos),
    recordedCostUsd: session.recordedCostNanos === null ? null : nanosToUsd(session.recordedCostNanos),
    unpricedRequestCount: session.unpricedRequestCount,
    byModel: byModel.map((m) => modelJson(m, settings)),
    costBreakdown,
  };
}

function modelJson(m: ModelUsage, settings: ReadSettings): ModelBreakdownJson {
  const cost = selectCostNanos(m, settings.costMode);
  return {
    model: m.model,
    requestCount: m.requestCount,
    priced: m.unpricedRequestCount === 0,
    ...tokenFields(m.tokens),
    calculatedCostUsd: nanosToUsd(m.calculatedCostNanos),
    recordedCostUsd: m.recordedCostNanos === null ? null : nanosToUsd(m.recordedCostNanos),
    costUsd: nanosToUsd(cost),
  };
}

function tokenFields(t: TokenCounts) {
  return {
    inputTokens: t.input,
    outputTokens: t.output,
    cacheReadTokens: t.cacheRead,
    cacheWrite5mTokens: t.cacheWrite5m,
    cacheWrite1hTokens: t.cacheWrite1h,
    reasoningTokens: t.reasoning,
    totalTokens: totalTokens(t),
  };
}

export function renderSessionDetail(d: SessionDetailJson, options: { zone: string; color: boolean }): string {
  const exact = (n: number | null) => (n === null ? 'unknown' : `${formatTokensExact(n)}`);
  const lines = [
    `Session     ${d.id}`,
    `Agent       ${agentIcon(d.agentType)} ${d.agentType} (${d.agentName} on ${d.host})`,
    `Agent id    ${d.externalId}`,
    `Project     ${d.projectPath ?? '—'}`,
    `Status      ${d.status}`,
    `Started     ${formatLocalDateTimeLong(new Date(d.startedAt), options.zone)}`,
    `Ended       ${formatLocalDateTimeLong(new Date(d.endedAt), options.zone)}`,
    `Duration    ${formatDuration(d.durationMs)}`,
    `Models      ${d.models.join(', ') || '—'}`,
    `Requests    ${d.requestCount}`,
    '',
    `Tokens      ${exact(d.totalTokens)}${d.totalTokens === null ? ' (this agent keeps no token data)' : ''}`,
    `  input        ${exact(d.inputTokens)}`,
    `  output       ${exact(d.outputTokens)}`,
    `  cache read   ${exact(d.cacheReadTokens)}`,
    `  cache write  ${exact(d.cacheWriteTokens)} (5m ${exact(d.cacheWrite5mTokens)}, 1h ${exact(d.cacheWrite1hTokens)})`,
    '',
    `Cost        ${d.costSource === 'unknown' ? 'unknown' : formatUsd(d.costUsd)} (${d.costSource})`,
    `  calculated   ${formatUsd(d.calculatedCostUsd)}`,
    `  recorded     ${d.recordedCostUsd === null ? '—' : formatUsd(d.recordedCostUsd)}`,
  ];
  if (d.unpricedRequestCount > 0) lines.push(`  ${d.unpricedRequestCount} requests have no known price (cost 0)`);
  if (d.byModel.length > 0) {
    lines.push('', 'By model');
    lines.push(
      renderTable(
        ['Model', 'Requests', 'Input', 'Output', 'Cache read', 'Cache write', 'Total', 'Cost'],
        d.byModel.map((m) => [
          m.model ?? '(unknown)',
          String(m.requestCount),
          formatTokens(m.inputTokens),
          formatTokens(m.outputTokens),
          formatTokens(m.cacheReadTokens),
          formatTokens(m.cacheWrite5mTokens + m.cacheWrite1hTokens),
          formatTokens(m.totalTokens),
          m.priced ? formatUsd(m.costUsd) : 'unpriced',
        ]),
        { color: options.color, align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] },
      ),
    );
  }
  if (d.costBreakdown.length > 0) {
    lines.push('', 'Cost breakdown (calculated)', renderCostBreakdown(d.costBreakdown, options.color));
    if (d.costBreakdown.some((l) => !l.priced)) {
      lines.push('Unpriced models: tokens counted, cost 0. See rimuru models missing; add a price under "prices" in the config.');
    }
  }
  return lines.join('\n');
}
