import { describe, expect, it } from 'vitest';
import {
  cycleChoice,
  describeQuery,
  initialQueryState,
  nextSort,
  rangeBounds,
  toggleActiveOnly,
  toPageQuery,
  toSearchQuery,
  toSessionFilter,
} from './session-query-state.js';

const now = new Date('2026-11-25T14:30:00.000Z'); // a Wednesday
const ctx = { now, zone: 'UTC', activeWindowMs: 5 * 60_000 };

describe('session query state', () => {
  it('opens on all sessions, all time, newest start first', () => {
    const s = initialQueryState();
    expect(s).toEqual({ sort: 'started', status: 'all', agentType: null, timeRange: 'all', search: '' });
    expect(toSessionFilter(s, ctx)).toEqual({});
    expect(describeQuery(s)).toBe('sort: start time ↓');
  });

  it('cycles the sort start → duration → tokens → cost → start', () => {
    const seen = ['started'];
    let sort = nextSort('started');
    while (sort !== 'started') {
      seen.push(sort);
      sort = nextSort(sort);
    }
    expect(seen).toEqual(['started', 'duration', 'tokens', 'cost']);
  });

  it('a toggles active only; active means activity inside the window', () => {
    const active = toggleActiveOnly(initialQueryState());
    expect(active.status).toBe('active');
    expect(toSessionFilter(active, ctx).activeSince).toEqual(new Date('2026-11-25T14:25:00.000Z'));
    expect(toggleActiveOnly(active).status).toBe('all');
    expect(toggleActiveOnly({ ...active, status: 'completed' }).status).toBe('active');
  });

  it('completed is the complement of active at the same instant', () => {
    const q = toSearchQuery({ ...initialQueryState(), status: 'completed' }, ctx);
    expect(q.completedBefore).toEqual(new Date('2026-11-25T14:25:00.000Z'));
    expect(q.filter.activeSince).toBeUndefined();
  });

  it('time ranges are calendar periods in the zone; This Week starts on Monday', () => {
    expect(rangeBounds('today', { now, zone: 'Asia/Kathmandu' })).toEqual({
      // 14:30 UTC is 20:15 on the 25th in Kathmandu (+05:45).
      from: new Date('2026-11-24T18:15:00.000Z'),
      to: new Date('2026-11-25T18:15:00.000Z'),
    });
    expect(rangeBounds('week', ctx)).toEqual({
      from: new Date('2026-11-23T00:00:00.000Z'),
      to: new Date('2026-11-30T00:00:00.000Z'),
    });
    expect(rangeBounds('month', ctx).from).toEqual(new Date('2026-11-01T00:00:00.000Z'));
    expect(rangeBounds('all', ctx)).toEqual({ from: null, to: null });
    // The store's until is inclusive: the period's exclusive end minus 1 ms.
    expect(toSessionFilter({ ...initialQueryState(), timeRange: 'today' }, ctx)).toEqual({
      since: new Date('2026-11-25T00:00:00.000Z'),
      until: new Date('2026-11-25T23:59:59.999Z'),
    });
  });

  it('builds a page query with agent type, search, sort and cost mode', () => {
    const state = { ...initialQueryState(), agentType: 'codex', search: 'api', sort: 'cost' as const };
    expect(toPageQuery(state, { ...ctx, costMode: 'calculate' }, { offset: 200, limit: 200 })).toEqual({
      filter: { agentTypes: ['codex'] },
      search: 'api',
      sort: 'cost',
      costMode: 'calculate',
      offset: 200,
      limit: 200,
    });
    expect(describeQuery({ ...state, status: 'active', timeRange: 'week' })).toBe(
      'sort: cost ↓ · status: Active · agent: codex · range: This Week · search: "api"',
    );
  });

  it('filter choices wrap both ways', () => {
    expect(cycleChoice(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(cycleChoice(['a', 'b', 'c'], 'a', -1)).toBe('c');
  });
});
