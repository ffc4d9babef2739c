import {
  AGENT_TYPE_FILTERS,
  capitalise,
  cycleChoice,
  STATUS_FILTERS,
  TIME_RANGE_FILTERS,
  TIME_RANGE_LABELS,
  type SessionQueryState,
} from '../view-models/session-query-state.js';
import type { Paint } from './tags.js';

export const FILTER_ROWS = ['Status', 'Agent Type', 'Time Range'] as const;

/** ←/→ (h/l, space) changes the focused filter; the list follows at once. */
export function changeFilter(state: SessionQueryState, row: number, step: 1 | -1): SessionQueryState {
  switch (FILTER_ROWS[row]) {
    case 'Status':
      return { ...state, status: cycleChoice(STATUS_FILTERS, state.status, step) };
    case 'Agent Type':
      return { ...state, agentType: cycleChoice(AGENT_TYPE_FILTERS, state.agentType, step) };
    default:
      return { ...state, timeRange: cycleChoice(TIME_RANGE_FILTERS, state.timeRange, step) };
  }
}

export function filterPanelText(state: SessionQueryState, focus: number, p: Paint): string {
  const options: [string, string[], string][] = [
    ['Status', STATUS_FILTERS.map(capitalise), capitalise(state.status)],
    ['Agent Type', AGENT_TYPE_FILTERS.map((t) => t ?? 'All'), state.agentType ?? 'All'],
    ['Time Range', TIME_RANGE_FILTERS.map((r) => TIME_RANGE_LABELS[r]), TIME_RANGE_LABELS[state.timeRange]],
  ];
  const lines = options.map(([name, choices, current], i) => {
    const values = choices.map((c) => (c === current ? p.selected(p.esc(` ${c} `)) : p.esc(` ${c} `))).join(' ');
    return `${i === focus ? '▸' : ' '} ${name.padEnd(11)} ${values}`;
  });
  return [...lines, '', p.dim('j/k: choose filter · ←/→ h/l space: change · Esc/Enter/f: close')].join('\n');
}
