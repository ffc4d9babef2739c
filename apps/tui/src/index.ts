export { startTui, type StartTuiOptions } from './start-tui.js';
export { main } from './main.js';
export { parseTuiArgs, USAGE, type ParsedArgs } from './cli-args.js';
export type { TuiOptions } from './tui-runtime.js';
export {
  SORT_CYCLE,
  SORT_LABELS,
  initialQueryState,
  nextSort,
  toggleActiveOnly,
  toSessionFilter,
  toPageQuery,
  toSearchQuery,
  describeQuery,
  rangeBounds,
  type SessionQueryState,
  type StatusFilter,
  type TimeRangeFilter,
} from './view-models/session-query-state.js';
export {
  toSessionRow,
  headerLine,
  rowLine,
  rowCells,
  sessionColumns,
  SORT_COLUMN,
  projectName,
  fit,
  type SessionRow,
  type RowContext,
  type Column,
  type ColumnKey,
} from './view-models/session-row.js';
export { moveCursor, clampCursor, type ListCursor, type CursorMove } from './view-models/list-cursor.js';
export { PageCache, type PageFetch } from './view-models/page-cache.js';
export { sessionDetailLines } from './view-models/session-detail-lines.js';
export { barChart, type Bar } from './view-models/bar-chart.js';
export {
  foldTrend,
  fitTrend,
  trendCosts,
  type CostTrend,
  type TrendPoint,
  type TrendSpan,
  type TrendUnit,
} from './view-models/cost-trend.js';
export { columnChart, type ChartColumn } from './view-models/column-chart.js';
export { costRows, costCell, type CostRow, type CostGroup } from './view-models/cost-rows.js';
export {
  dashboardLines,
  budgetLines,
  blockBody,
  topBody,
  type DashboardViewOptions,
} from './view-models/dashboard-view.js';
export { firstRunLines, type FirstRunOptions } from './view-models/first-run-lines.js';
export { agentTypeChoices } from './view-models/session-query-state.js';
