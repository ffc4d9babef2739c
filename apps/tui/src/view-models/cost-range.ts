import type { RangeName } from '@rimuru/core';

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

export const COST_PANELS = ['Summary', 'By agent', 'By model', 'Trend'] as const;
export type CostPanel = (typeof COST_PANELS)[number];

export function nextPanel(panel: CostPanel): CostPanel {
  return COST_PANELS[(COST_PANELS.indexOf(panel) + 1) % COST_PANELS.length]!;
}
