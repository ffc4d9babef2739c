import { agentIcon, formatLocalDateTime } from '@rimuru/core';
import { rootsCell } from './shorten.js';
import { renderTable, type ColumnFit } from './table.js';

/** One agent type as `rimuru agents --format json` prints it. */
export interface AgentJson {
  type: string;
  label: string;
  /** `builtin`, or the npm name of the plugin that adds the agent. */
  origin: string;
  detected: boolean;
  roots: string[];
  sessionCount: number;
  lastActivityAt: string | null;
  /** Source files tracked and malformed lines or records counted in them so far. */
  sources: number;
  diagnostics: number;
  /** The last sync's warning that this agent's files may have changed format, if any. */
  formatDrift: string | null;
  agents: { id: string; name: string; host: string; sessionCount: number; lastActivityAt: string | null }[];
}

/** Long roots shorten in the middle first; then the origin goes, then the diagnostics. */
const AGENTS_FIT: ColumnFit[] = [
  { shorten: 'end', min: 10, cut: 1 },
  { shorten: 'end', drop: 3 },
  {},
  {},
  { drop: 1 },
  { drop: 2 },
  { shorten: 'middle', min: 20 },
];

export function renderAgentsTable(
  agents: AgentJson[],
  options: { zone: string; color: boolean; width?: number },
): string {
  const width = options.width ?? Number.POSITIVE_INFINITY;
  const rows = agents.map((r) => [
    `${agentIcon(r.type)} ${r.type}`,
    r.origin === 'builtin' ? 'built-in' : r.origin,
    r.detected ? 'yes' : 'no',
    String(r.sessionCount),
    r.lastActivityAt === null ? '—' : formatLocalDateTime(new Date(r.lastActivityAt), options.zone),
    String(r.diagnostics),
    rootsCell(r.roots, width),
  ]);
  return renderTable(['Agent', 'From', 'Detected', 'Sessions', 'Last activity', 'Diagnostics', 'Data roots'], rows, {
    color: options.color,
    align: ['left', 'left', 'left', 'right', 'left', 'right', 'left'],
    width,
    fit: AGENTS_FIT,
  });
}
