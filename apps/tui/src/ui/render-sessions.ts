import type { SessionsController } from '../sessions-controller.js';
import { headerLine, rowLine, toSessionRow, type RowContext } from '../view-models/session-row.js';
import type { Paint } from './tags.js';

/** The Sessions table: header and only the rows on screen. */
export function renderSessions(c: SessionsController, width: number, ctx: RowContext, p: Paint): string {
  const lines = [p.bold(p.esc(headerLine(width)))];
  if (c.count === 0) {
    lines.push('', p.esc(c.state.search || c.state.status !== 'all' || c.state.agentType || c.state.timeRange !== 'all' ? '  No sessions match.' : '  No sessions yet.'));
    return lines.join('\n');
  }
  c.visible().forEach((s, i) => {
    const index = c.cursor.top + i;
    const text = s === undefined ? `  ${'…'.padEnd(width - 2)}` : rowLine(toSessionRow(s, ctx), width);
    const escaped = p.esc(text);
    if (index === c.cursor.selected) lines.push(p.selected(escaped));
    else if (s !== undefined && text.startsWith('●')) lines.push(p.green('●') + escaped.slice(1));
    else lines.push(escaped);
  });
  return lines.join('\n');
}
