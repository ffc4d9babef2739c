import type { AgentType } from '@rimuru/core';
import {
  agentTypeChoices,
  capitalise,
  cycleChoice,
  STATUS_FILTERS,
  TIME_RANGE_FILTERS,
  TIME_RANGE_LABELS,
  type SessionQueryState,
} from '../view-models/session-query-state.js';
import type { Paint } from './tags.js';

export const FILTER_ROWS = ['Status', 'Agent Type', 'Time Range'] as const;

/** ←/→ (h/l, space) changes the focused filter; the list follows at once. `agentTypes`: the types to offer. */
export function changeFilter(
  state: SessionQueryState,
  row: number,
  step: 1 | -1,
  agentTypes: readonly AgentType[],
): SessionQueryState {
  switch (FILTER_ROWS[row]) {
    case 'Status':
      return { ...state, status: cycleChoice(STATUS_FILTERS, state.status, step) };
    case 'Agent Type':
      return { ...state, agentType: cycleChoice(agentTypeChoices(agentTypes, state.agentType), state.agentType, step) };
    default:
      return { ...state, timeRange: cycleChoice(TIME_RANGE_FILTERS, state.timeRange, step) };
  }
}

/**
 * The choices of one row, the current one highlighted. A row wider than `width` shows a window
 * around the current choice, marked `…` where choices are left out.
 */
export function choiceLine(choices: readonly string[], current: string, width: number, p: Paint): string {
  const cells = choices.map((c) => ` ${c} `);
  const at = Math.max(0, choices.indexOf(current));
  let first = at;
  let last = at;
  let used = cells[at]!.length;
  // Widen the window one choice at a time, right then left, while it fits with both markers (4).
  const fits = (cell: string) => used + cell.length + 1 + 4 <= width;
  for (;;) {
    const right = last + 1 < cells.length && fits(cells[last + 1]!);
    if (right) used += cells[++last]!.length + 1;
    const left = first > 0 && fits(cells[first - 1]!);
    if (left) used += cells[--first]!.length + 1;
    if (!right && !left) break;
  }
  const shown = cells.slice(first, last + 1).map((c, i) => (first + i === at ? p.selected(p.esc(c)) : p.esc(c)));
  return `${first > 0 ? '… ' : ''}${shown.join(' ')}${last < cells.length - 1 ? ' …' : ''}`;
}

export function filterPanelText(
  state: SessionQueryState,
  focus: number,
  p: Paint,
  agentTypes: readonly AgentType[],
  width = 76,
): string {
  const options: [string, string[], string][] = [
    ['Status', STATUS_FILTERS.map(capitalise), capitalise(state.status)],
    ['Agent Type', agentTypeChoices(agentTypes, state.agentType).map((t) => t ?? 'All'), state.agentType ?? 'All'],
    ['Time Range', TIME_RANGE_FILTERS.map((r) => TIME_RANGE_LABELS[r]), TIME_RANGE_LABELS[state.timeRange]],
  ];
  const lines = options.map(
    ([name, choices, current], i) =>
      `${i === focus ? '▸' : ' '} ${name.padEnd(11)} ${choiceLine(choices, current, width - 14, p)}`,
  );
  return [...lines, '', p.dim('j/k: choose filter · ←/→ h/l space: change · Esc/Enter/f: close')].join('\n');
}
