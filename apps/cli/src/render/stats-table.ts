import { formatDuration, formatTokens, formatUsd, type SessionStatsJson } from '@rimuru/core';
import { renderTable } from './table.js';

/** The nine figures of `sessions stats`, plus the token classes. */
export function renderStats(stats: SessionStatsJson, options: { title: string; color: boolean }): string {
  const rows: [string, string][] = [
    ['Total sessions', String(stats.totalSessions)],
    ['Active sessions', String(stats.activeSessions)],
    ['Completed sessions', String(stats.completedSessions)],
    ['Total duration', formatDuration(stats.totalDurationMs)],
    ['Average duration', formatDuration(stats.avgDurationMs)],
    ['Total tokens', formatTokens(stats.totalTokens)],
    ['Average tokens / session', formatTokens(Math.round(stats.avgTokensPerSession))],
    ['Total cost', formatUsd(stats.totalCostUsd)],
    ['Average cost / session', formatUsd(stats.avgCostPerSession)],
    ['  input', formatTokens(stats.inputTokens)],
    ['  output', formatTokens(stats.outputTokens)],
    ['  cache read', formatTokens(stats.cacheReadTokens)],
    ['  cache write', formatTokens(stats.cacheWriteTokens)],
    ['  reasoning (in output)', formatTokens(stats.reasoningTokens)],
  ];
  return `${options.title}\n${renderTable(['Figure', 'Value'], rows, { color: options.color, align: ['left', 'right'] })}`;
}
