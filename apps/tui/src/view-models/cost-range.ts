import { resolveTimeRange, type RangeName } from '@rimuru/core';

/** The Costs view's `r` cycle. */
export const COST_RANGES = ['today', '7d', '30d', 'thismonth', 'all'] as const satisfies readonly RangeName[];
export type CostRange = (typeof COST_RANGES)[number];

export const COST_RANGE_LABELS: Record<CostRange, string> = {
  today: 'Today',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  thismonth: 'This month',
  all: 'All time',
};

export function nextCostRange(range: CostRange): CostRange {
  return COST_RANGES[(COST_RANGES.indexOf(range) + 1) % COST_RANGES.length]!;
}

/** Days the daily trend covers for a range (all time shows the last 30 days). */
export function trendDays(range: CostRange, now: Date, zone: string): number {
  switch (range) {
    case 'today':
      return 7;
    case '7d':
      return 7;
    case 'thismonth': {
      const r = resolveTimeRange('thismonth', { now, zone });
      return Math.max(1, Math.ceil((now.getTime() - r.from!.getTime()) / 86_400_000));
    }
    default:
      return 30;
  }
}

export const COST_PANELS = ['Summary', 'By agent', 'By model', 'Daily trend'] as const;
export type CostPanel = (typeof COST_PANELS)[number];

export function nextPanel(panel: CostPanel): CostPanel {
  return COST_PANELS[(COST_PANELS.indexOf(panel) + 1) % COST_PANELS.length]!;
}
