import type { RimuruTool } from '../tool.js';
import { budgetStatus } from './budget-status.js';
import { costsSummary } from './costs-summary.js';
import { getSession } from './get-session.js';
import { listSessions } from './list-sessions.js';
import { sessionStats } from './session-stats.js';
import { usageReport } from './usage-report.js';

/** Every tool `rimuru mcp` serves, in the order tools/list gives them. */
export const RIMURU_TOOLS: readonly RimuruTool[] = [
  listSessions,
  getSession,
  sessionStats,
  usageReport,
  costsSummary,
  budgetStatus,
];
