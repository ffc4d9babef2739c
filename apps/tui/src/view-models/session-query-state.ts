import { activeSince, calendarWeekRange, resolveTimeRange, type AgentType } from '@rimuru/core';
import type { SessionFilter, SessionPageQuery, SessionSearchQuery, SessionSort } from '@rimuru/db';

/** The sort cycle of `s`: start time → duration → tokens → cost → start time. */
const SORT_CYCLE = ['started', 'duration', 'tokens', 'cost'] as const satisfies readonly SessionSort[];

const SORT_LABELS: Record<SessionSort, string> = {
  started: 'start time ↓',
  duration: 'duration ↓',
  tokens: 'tokens ↓',
  cost: 'cost ↓',
};

export type StatusFilter = 'all' | 'active' | 'completed';
export type TimeRangeFilter = 'today' | 'week' | 'month' | 'all';

export const STATUS_FILTERS = ['all', 'active', 'completed'] as const satisfies readonly StatusFilter[];
export const TIME_RANGE_FILTERS = ['all', 'today', 'week', 'month'] as const satisfies readonly TimeRangeFilter[];
/**
 * Agent type choices of the filter panel: every type (null), then the types listed (those of the
 * store and registered plugins); a type chosen earlier stays choosable while it is selected.
 */
export function agentTypeChoices(types: readonly AgentType[], selected: AgentType | null = null): (AgentType | null)[] {
  const all = selected !== null && !types.includes(selected) ? [...types, selected].sort() : [...types];
  return [null, ...all];
}

export const TIME_RANGE_LABELS: Record<TimeRangeFilter, string> = {
  today: 'Today',
  week: 'This Week',
  month: 'This Month',
  all: 'All',
};

/** Everything that decides which sessions the list shows and in which order. */
export interface SessionQueryState {
  sort: SessionSort;
  status: StatusFilter;
  agentType: AgentType | null;
  timeRange: TimeRangeFilter;
  search: string;
}

/** The Sessions view opens on all sessions, all time, newest start first. */
export function initialQueryState(): SessionQueryState {
  return { sort: 'started', status: 'all', agentType: null, timeRange: 'all', search: '' };
}

export function nextSort(sort: SessionSort): SessionSort {
  const i = SORT_CYCLE.indexOf(sort);
  return SORT_CYCLE[(i + 1) % SORT_CYCLE.length]!;
}

/** `a`: active only, or back to all. */
export function toggleActiveOnly(state: SessionQueryState): SessionQueryState {
  return { ...state, status: state.status === 'active' ? 'all' : 'active' };
}

/** The next value of a choice list, wrapping (the filter panel's ←/→). */
export function cycleChoice<T>(choices: readonly T[], current: T, step: 1 | -1): T {
  const i = choices.indexOf(current);
  return choices[(i + step + choices.length) % choices.length]!;
}

export interface QueryContext {
  now: Date;
  zone: string;
  activeWindowMs: number;
}

/** The store filter for the state (status Completed is a separate condition: see toPageQuery). */
export function toSessionFilter(state: SessionQueryState, ctx: QueryContext): SessionFilter {
  const filter: SessionFilter = {};
  const activeFrom = activeSince(ctx);
  if (state.status === 'active') filter.activeSince = activeFrom;
  if (state.agentType !== null) filter.agentTypes = [state.agentType];
  const range = rangeBounds(state.timeRange, ctx);
  if (range.from !== null) filter.since = range.from;
  if (range.to !== null) filter.until = new Date(range.to.getTime() - 1);
  return filter;
}

/** Calendar periods in the user's zone; "This Week" is the calendar week, Monday first. */
export function rangeBounds(
  range: TimeRangeFilter,
  ctx: Pick<QueryContext, 'now' | 'zone'>,
): { from: Date | null; to: Date | null } {
  switch (range) {
    case 'today': {
      const r = resolveTimeRange('today', { now: ctx.now, zone: ctx.zone });
      return { from: r.from, to: r.to };
    }
    case 'week':
      return calendarWeekRange(ctx.now, ctx.zone);
    case 'month': {
      const r = resolveTimeRange('thismonth', { now: ctx.now, zone: ctx.zone });
      return { from: r.from, to: r.to };
    }
    case 'all':
      return { from: null, to: null };
  }
}

export function toPageQuery(
  state: SessionQueryState,
  ctx: QueryContext & { costMode: SessionPageQuery['costMode'] },
  page: { offset: number; limit: number },
): SessionPageQuery {
  return { ...toSearchQuery(state, ctx), sort: state.sort, costMode: ctx.costMode, ...page };
}

/** Filter, search and status, without order or page: what the row count needs. */
export function toSearchQuery(state: SessionQueryState, ctx: QueryContext): SessionSearchQuery {
  const query: SessionSearchQuery = { filter: toSessionFilter(state, ctx), search: state.search };
  if (state.status === 'completed') query.completedBefore = activeSince(ctx);
  return query;
}

/** "sort: duration ↓ · status: Active · agent: codex · range: Today · search: "api"". */
export function describeQuery(state: SessionQueryState): string {
  const parts = [`sort: ${SORT_LABELS[state.sort]}`];
  if (state.status !== 'all') parts.push(`status: ${capitalise(state.status)}`);
  if (state.agentType !== null) parts.push(`agent: ${state.agentType}`);
  if (state.timeRange !== 'all') parts.push(`range: ${TIME_RANGE_LABELS[state.timeRange]}`);
  if (state.search !== '') parts.push(`search: "${state.search}"`);
  return parts.join(' · ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
