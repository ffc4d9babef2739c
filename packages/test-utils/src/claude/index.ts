export {
  claudeAssistantLine,
  claudeUserLine,
  claudeSystemLine,
  claudeSummaryLine,
  claudeQueueOperationLine,
  claudeAgentProgressLine,
  claudeUsageObject,
  encodeClaudeProjectDir,
  jsonl,
  type ClaudeLineBase,
  type ClaudeUsageInit,
  type ClaudeAssistantInit,
  type ClaudeUserInit,
  type ClaudeSystemInit,
  type ClaudeAgentProgressInit,
} from './lines.js';
export { generateClaudeHome, type ClaudeHomeOptions } from './home-generator.js';
export type { ClaudeHomeTruth, ClaudeSessionTruth } from './truth.js';
export { LineWriter } from './line-writer.js';
export { Prng } from './prng.js';
export { collectEvents, usageEvents, dedupeUsage, totalsBySession, type UsageTotals } from './usage-reducer.js';
