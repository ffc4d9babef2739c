import {
  agentIcon,
  formatDuration,
  formatLocalDateTime,
  formatTokens,
  formatUsd,
  shortId,
  type SessionJson,
} from '@rimuru/core';
import pc from 'picocolors';
import { renderTable } from './table.js';

export interface SessionTableOptions {
  zone: string;
  color: boolean;
}

/** The sessions listing: short id, agent icon + type, project, start, duration, tokens, cost, status. */
export function renderSessionsTable(sessions: SessionJson[], options: SessionTableOptions): string {
  if (sessions.length === 0) return 'No sessions found.';
  const paint = (text: string, fn: (s: string) => string) => (options.color ? fn(text) : text);
  const rows = sessions.map((s) => [
    shortId(s.id),
    `${agentIcon(s.agentType)} ${s.agentType}`,
    projectName(s.projectPath),
    formatLocalDateTime(new Date(s.startedAt), options.zone),
    formatDuration(s.durationMs),
    formatTokens(s.totalTokens),
    s.costSource === 'unknown' ? '—' : formatUsd(s.costUsd),
    s.status === 'active' ? paint('● active', pc.green) : paint('completed', pc.dim),
  ]);
  return renderTable(
    ['Session ID', 'Agent', 'Project', 'Started', 'Duration', 'Tokens', 'Cost', 'Status'],
    rows,
    { color: options.color, align: ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'left'] },
  );
}

/** The last path segment, shortened to keep the table within 80 columns. */
export function projectName(path: string | null): string {
  if (!path) return '—';
  const name = path.split(/[\\/]/).filter(Boolean).pop() ?? path;
  return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}
