import type { AgentType } from '../agent-type.js';
import type { TokenCounts } from '../tokens.js';

/**
 * One deduplicated usage record as reports consume it: a billable request at an instant, with
 * its token classes and exact costs (integer nano-dollars). Reports are built from these —
 * never from session roll-ups — so a day's figures are exactly the requests made that day.
 * `@rimuru/db`'s `SessionStore.usage.stream` yields values of this shape (and more).
 */
export interface ReportUsageRecord {
  /** The UTC instant of the request. */
  occurredAt: Date;
  agentType: AgentType;
  /** Store row id of the owning session (counts distinct sessions per bucket). */
  sessionId: string;
  /** Model as the agent wrote it; null when the agent did not say. */
  model: string | null;
  /** Project of the owning session; null when unknown. */
  projectPath: string | null;
  tokens: TokenCounts;
  calculatedCostNanos: bigint;
  /** Dollars the agent itself recorded, when it did. */
  recordedCostNanos: bigint | null;
  /** recorded ?? calculated. */
  autoCostNanos: bigint;
  /** False when the model had no known price (calculated cost 0). */
  priced: boolean;
}
