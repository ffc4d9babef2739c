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
export { toSessionRow, headerLine, rowLine, projectName, fit, type SessionRow, type RowContext } from './view-models/session-row.js';
export { moveCursor, clampCursor, type ListCursor, type CursorMove } from './view-models/list-cursor.js';
export { PageCache, type PageFetch } from './view-models/page-cache.js';
export { sessionDetailLines } from './view-models/session-detail-lines.js';
export { barChart, type Bar } from './view-models/bar-chart.js';
export { lastDays, type DayRange } from './view-models/day-ranges.js';
export { costsByModel, type ModelCostRow } from './view-models/model-costs.js';
