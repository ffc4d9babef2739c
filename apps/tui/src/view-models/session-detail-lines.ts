import {
  agentIcon,
  cacheWriteTokens,
  formatDuration,
  formatLocalDateTimeLong,
  formatTokens,
  formatTokensExact,
  formatUsd,
  nanosToUsd,
  selectCostNanos,
  sessionCost,
  sessionStatus,
  totalTokens,
  type StoredSession,
} from '@rimuru/core';
import type { ModelUsage } from '@rimuru/db';
import type { RowContext } from './session-row.js';

/** Everything `rimuru sessions show` prints, as lines for the details overlay. */
export function sessionDetailLines(s: StoredSession, byModel: ModelUsage[], ctx: RowContext & { zone: string }): string[] {
  const t = s.tokens;
  const exact = (n: number | null) => (n === null ? 'unknown' : formatTokensExact(n));
  const cost = sessionCost(s, ctx.costMode);
  const lines = [
    `Session     ${s.id}`,
    `Agent       ${agentIcon(s.agentType)} ${s.agentType} (${s.agentName} on ${s.host})`,
    `Agent id    ${s.externalId}`,
    ...(s.parentExternalId ? [`Parent      ${s.parentExternalId}`] : []),
    ...(s.title ? [`Title       ${s.title}`] : []),
    `Project     ${s.projectPath ?? '—'}`,
    `Status      ${sessionStatus(s, ctx)}`,
    `Started     ${formatLocalDateTimeLong(s.startedAt, ctx.zone)}`,
    `Ended       ${formatLocalDateTimeLong(s.endedAt, ctx.zone)}`,
    `Duration    ${formatDuration(s.endedAt.getTime() - s.startedAt.getTime())}`,
    `Models      ${s.models.join(', ') || '—'}`,
    `Requests    ${s.requestCount}`,
    '',
    `Tokens      ${exact(t === null ? null : totalTokens(t))}${t === null ? ' (this agent keeps no token data)' : ''}`,
    `  input        ${exact(t?.input ?? null)}`,
    `  output       ${exact(t?.output ?? null)}`,
    `  cache read   ${exact(t?.cacheRead ?? null)}`,
    `  cache write  ${exact(t === null ? null : cacheWriteTokens(t))} (5m ${exact(t?.cacheWrite5m ?? null)}, 1h ${exact(t?.cacheWrite1h ?? null)})`,
    `  reasoning    ${exact(t?.reasoning ?? null)}`,
    '',
    `Cost        ${cost.costSource === 'unknown' ? 'unknown' : formatUsd(nanosToUsd(cost.costNanos))} (${cost.costSource})`,
    `  calculated   ${formatUsd(nanosToUsd(s.calculatedCostNanos))}`,
    `  recorded     ${s.recordedCostNanos === null ? '—' : formatUsd(nanosToUsd(s.recordedCostNanos))}`,
  ];
  if (s.unpricedRequestCount > 0) lines.push(`  ${s.unpricedRequestCount} requests have no known price (cost 0)`);
  if (byModel.length > 0) {
    lines.push('', 'By model');
    for (const m of byModel) {
      const tokens = m.tokens.input + m.tokens.output + m.tokens.cacheRead + m.tokens.cacheWrite5m + m.tokens.cacheWrite1h;
      const shown = m.unpricedRequestCount === m.requestCount && m.requestCount > 0 ? 'unpriced' : formatUsd(nanosToUsd(selectCostNanos(m, ctx.costMode)));
      lines.push(`  ${m.model ?? '(unknown)'}: ${m.requestCount} req · ${formatTokens(tokens)} tokens · ${shown}`);
    }
  }
  return lines;
}
