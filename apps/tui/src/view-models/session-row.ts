import {
  agentIcon,
  formatDuration,
  formatTokens,
  formatUsd,
  nanosToUsd,
  sessionCost,
  sessionStatus,
  shortId,
  totalTokens,
  type CostMode,
  type StoredSession,
} from '@rimuru/core';

/** One line of the Sessions table, every cell already formatted. */
export interface SessionRow {
  id: string;
  shortId: string;
  agent: string;
  project: string;
  duration: string;
  tokens: string;
  cost: string;
  active: boolean;
}

export interface RowContext {
  now: Date;
  activeWindowMs: number;
  costMode: CostMode;
}

export function toSessionRow(s: StoredSession, ctx: RowContext): SessionRow {
  const cost = sessionCost(s, ctx.costMode);
  return {
    id: s.id,
    shortId: shortId(s.id),
    agent: `${agentIcon(s.agentType)} ${s.agentType}`,
    project: projectName(s.projectPath),
    duration: formatDuration(s.endedAt.getTime() - s.startedAt.getTime()),
    tokens: formatTokens(s.tokens === null ? null : totalTokens(s.tokens)),
    cost: cost.costSource === 'unknown' ? '—' : formatUsd(nanosToUsd(cost.costNanos)),
    active: sessionStatus(s, ctx) === 'active',
  };
}

/** The last path segment: the part of a project path that tells sessions apart. */
export function projectName(path: string | null): string {
  if (!path) return '—';
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  cell: (r: SessionRow) => string;
}

/** Fixed columns; Project takes what is left (it is dropped below 12 columns of room). */
const FIXED: Column[] = [
  { title: 'Session ID', width: 10, align: 'left', cell: (r) => r.shortId },
  { title: 'Agent', width: 14, align: 'left', cell: (r) => r.agent },
  { title: 'Duration', width: 9, align: 'right', cell: (r) => r.duration },
  { title: 'Tokens', width: 7, align: 'right', cell: (r) => r.tokens },
  { title: 'Cost', width: 10, align: 'right', cell: (r) => r.cost },
];
const STATUS_WIDTH = 2;
const GAP = ' ';

/** Cuts or pads to exactly `width` characters, marking a cut with '…'. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length > width) return `${chars.slice(0, width - 1).join('')}…`;
  const pad = ' '.repeat(width - chars.length);
  return align === 'left' ? text + pad : pad + text;
}

function layout(totalWidth: number): Column[] {
  const fixed = FIXED.reduce((n, c) => n + c.width + GAP.length, STATUS_WIDTH);
  const room = totalWidth - fixed;
  if (room < 12) return FIXED;
  const project: Column = { title: 'Project', width: room, align: 'left', cell: (r) => r.project };
  return [FIXED[0]!, FIXED[1]!, project, ...FIXED.slice(2)];
}

/** The header line for a table `width` columns wide. */
export function headerLine(width: number): string {
  return fit(`  ${layout(width).map((c) => fit(c.title, c.width, c.align)).join(GAP)}`, width);
}

/** One row as text: a status mark ('●' active), then the cells. */
export function rowLine(row: SessionRow, width: number): string {
  const cells = layout(width).map((c) => fit(c.cell(row), c.width, c.align));
  return fit(`${row.active ? '●' : ' '} ${cells.join(GAP)}`, width);
}
