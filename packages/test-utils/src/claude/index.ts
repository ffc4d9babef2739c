export {
  claudeAssistantLine,
  claudeUserLine,
  claudeSystemLine,
  claudeSummaryLine,
  claudeQueueOperationLine,
  claudeAgentProgressLine,
  encodeClaudeProjectDir,
  jsonl,
  type ClaudeAssistantInit,
} from './lines.js';
export { generateClaudeHome, type ClaudeHomeOptions } from './home-generator.js';
export type { ClaudeHomeTruth, ClaudeSessionTruth } from './truth.js';
export { Prng } from './prng.js';
export { collectEvents, usageEvents, dedupeUsage, totalsBySession } from './usage-reducer.js';
