import type { SessionsController } from '../sessions-controller.js';
import { fit, headerLine, rowCells, rowLine, toSessionRow, type RowContext } from '../view-models/session-row.js';
import type { Paint } from './tags.js';

/** The Sessions table: header and only the rows on screen; active sessions' status in green. */
export function renderSessions(
  c: SessionsController,
  width: number,
  ctx: RowContext,
  p: Paint,
  firstRun: readonly string[] | null = null,
): string {
  const sort = c.state.sort;
  const lines = [p.bold(p.esc(headerLine(width, sort)))];
  if (c.count === 0) {
    const filtered = c.state.search || c.state.status !== 'all' || c.state.agentType || c.state.timeRange !== 'all';
    if (filtered) lines.push('', p.esc('  No sessions match.'));
    else lines.push('', ...(firstRun ?? ['  No sessions yet.']).map((l) => p.esc(l)));
    return lines.join('\n');
  }
  c.visible().forEach((s, i) => {
    const index = c.cursor.top + i;
    if (s === undefined) return lines.push(p.dim(fit('…', width)));
    const row = toSessionRow(s, ctx);
    if (index === c.cursor.selected) return lines.push(p.selected(p.esc(rowLine(row, width, sort))));
    const cells = rowCells(row, width, sort).map(({ key, text }) =>
      key !== 'status' ? p.esc(text) : row.active ? p.green(p.esc(text)) : p.dim(p.esc(text)),
    );
    lines.push(cells.join(' '));
  });
  return lines.join('\n');
}
