import { presentSessionRow, type SessionJson } from '@rimuru/core';
import pc from 'picocolors';
import { renderTable } from './table.js';

export interface SessionTableOptions {
  zone: string;
  color: boolean;
  /** Columns available (unlimited: every column, full width). */
  width?: number;
}

/** The sessions listing: short id, agent icon + type, project, start, duration, tokens, cost, status. */
export function renderSessionsTable(sessions: SessionJson[], options: SessionTableOptions): string {
  if (sessions.length === 0) return 'No sessions found.';
  const paint = (text: string, fn: (s: string) => string) => (options.color ? fn(text) : text);
  const narrow = (options.width ?? Number.POSITIVE_INFINITY) < NARROW_WIDTH;
  const rows = sessions.map((s) => {
    const row = presentSessionRow(s, { zone: options.zone });
    return [
      row.shortId,
      row.agent,
      row.project,
      row.started,
      row.duration,
      row.tokens,
      row.cost,
      row.active ? paint('● active', pc.green) : paint(narrow ? 'done' : 'completed', pc.dim),
    ];
  });
  return renderTable(['Session ID', 'Agent', 'Project', 'Started', 'Duration', 'Tokens', 'Cost', 'Status'], rows, {
    color: options.color,
    align: ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'left'],
    width: options.width,
    // The project shortens first, then the duration goes, then the agent shortens; id, start,
    // cost and status always stay.
    fit: [{}, { shorten: 'end', min: 6, cut: 2 }, { shorten: 'middle', min: 10 }, {}, { drop: 3 }, { drop: 1 }, {}, {}],
  });
}

/** Below this many columns a completed session reads "done", leaving room for its project. */
const NARROW_WIDTH = 100;
