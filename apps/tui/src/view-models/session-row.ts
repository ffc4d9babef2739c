import { presentStoredSessionRow, type CostMode, type SessionRowView, type StoredSession } from '@rimuru/core';
import type { SessionSort } from '@rimuru/db';

/** One line of the Sessions table, every cell already formatted (core's session row presenter). */
export type SessionRow = SessionRowView;

// Shared with the CLI's `sessions` table: the project's last path segment.
export { projectName } from '@rimuru/core';

export interface RowContext {
  now: Date;
  activeWindowMs: number;
  costMode: CostMode;
  zone: string;
}

export function toSessionRow(s: StoredSession, ctx: RowContext): SessionRow {
  return presentStoredSessionRow(s, ctx);
}

export type ColumnKey = 'id' | 'agent' | 'project' | 'started' | 'duration' | 'tokens' | 'cost' | 'status';

export interface Column {
  key: ColumnKey;
  title: string;
  width: number;
  align: 'left' | 'right';
  cell: (r: SessionRow) => string;
}

/** Which column each sort orders by: its header carries the ↓, so the order can be checked. */
const SORT_COLUMN: Record<SessionSort, ColumnKey> = {
  started: 'started',
  duration: 'duration',
  tokens: 'tokens',
  cost: 'cost',
};

const GAP = ' ';
const PROJECT_MIN = 8;
/** Dropped in this order when the project would get fewer than PROJECT_MIN columns (never the sorted one). */
const DROP_ORDER: ColumnKey[] = ['duration', 'tokens', 'agent'];

function columns(wide: boolean): Column[] {
  return [
    { key: 'id', title: 'Session', width: 9, align: 'left', cell: (r) => r.shortId },
    { key: 'agent', title: 'Agent', width: 13, align: 'left', cell: (r) => r.agent },
    { key: 'project', title: 'Project', width: 0, align: 'left', cell: (r) => r.project },
    {
      key: 'started',
      title: 'Started',
      width: wide ? 16 : 11,
      align: 'left',
      cell: (r) => (wide ? r.started : r.startedShort),
    },
    { key: 'duration', title: 'Duration', width: 9, align: 'right', cell: (r) => r.duration },
    { key: 'tokens', title: 'Tokens', width: 7, align: 'right', cell: (r) => r.tokens },
    { key: 'cost', title: 'Cost', width: 9, align: 'right', cell: (r) => r.cost },
    {
      key: 'status',
      title: 'Status',
      width: wide ? 9 : 6,
      align: 'left',
      cell: (r) => (r.active ? (wide ? '● active' : 'active') : wide ? 'completed' : 'done'),
    },
  ];
}

const used = (cols: readonly Column[]) => cols.reduce((n, c) => n + c.width, 0) + GAP.length * (cols.length - 1);

/**
 * The columns for a table `width` wide, sorted by `sort`: the project takes what is left; with
 * too little room the wide date and status go first, then duration, tokens and agent (never the
 * sorted column), then the project itself.
 */
export function sessionColumns(width: number, sort: SessionSort = 'started'): Column[] {
  const sorted = SORT_COLUMN[sort];
  let cols = columns(true);
  if (width - used(cols) < 16 + PROJECT_MIN) cols = columns(false);
  for (const key of DROP_ORDER) {
    if (width - used(cols) >= PROJECT_MIN) break;
    if (key !== sorted) cols = cols.filter((c) => c.key !== key);
  }
  const room = width - used(cols);
  if (room < PROJECT_MIN) return cols.filter((c) => c.key !== 'project');
  return cols.map((c) => (c.key === 'project' ? { ...c, width: room } : c));
}

/** Cuts or pads to exactly `width` characters, marking a cut with '…'. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length > width) return `${chars.slice(0, width - 1).join('')}…`;
  const pad = ' '.repeat(width - chars.length);
  return align === 'left' ? text + pad : pad + text;
}

/** The header line: the sorted column's title ends in ↓. */
export function headerLine(width: number, sort: SessionSort = 'started'): string {
  const sorted = SORT_COLUMN[sort];
  const cells = sessionColumns(width, sort).map((c) =>
    fit(c.key === sorted ? `${c.title}↓` : c.title, c.width, c.align),
  );
  return fit(cells.join(GAP), width);
}

/** One row's cells, each exactly its column's width, with the column it belongs to. */
export function rowCells(
  row: SessionRow,
  width: number,
  sort: SessionSort = 'started',
): { key: ColumnKey; text: string }[] {
  return sessionColumns(width, sort).map((c) => ({ key: c.key, text: fit(c.cell(row), c.width, c.align) }));
}

/** One row as text. */
export function rowLine(row: SessionRow, width: number, sort: SessionSort = 'started'): string {
  return fit(
    rowCells(row, width, sort)
      .map((c) => c.text)
      .join(GAP),
    width,
  );
}
