export { copilotAdapter } from './adapter.js';
export {
  copilotRoots,
  copilotCliRoots,
  copilotConfigDir,
  vscodeChatRoots,
  vscodeTraceStores,
  vscodeUserDirs,
} from './roots.js';
export { discoverCopilotSources } from './discover.js';
export { sourceKindOf, type CopilotSourceKind } from './source-kind.js';
export { readCliEvents, DEFAULT_CLI_READ_LIMITS, type CliReadLimits } from './cli/read-events.js';
export { parseModelUsage, reportsReasoningApart, type UsageParse } from './cli/usage-tokens.js';
export { shutdownUsage, type ShutdownContext, type ShutdownResult } from './cli/shutdown-usage.js';
export { sessionIdFromPath } from './cli/interpret-event.js';
export { readChatSession, MAX_CHAT_FILE_BYTES } from './vscode/read-chat-session.js';
export { parseChatSession, type ChatSessionParse, type ChatSessionSummary } from './vscode/chat-session.js';
export { MutationLogReplay } from './vscode/mutation-log.js';
export { uriToPath, workspaceProject, type WorkspaceProject } from './vscode/workspace-folder.js';
export { readTraceStore, spanDedupeKey, TRACE_DB_NAME } from './vscode/traces/read-traces.js';
export { spanUsage, type SpanUsage } from './vscode/traces/span-usage.js';
export { SpanSessions, FOREIGN_AGENTS, CLAUDE_PROXY_NAME, type SpanOwner } from './vscode/traces/span-sessions.js';
export { readTraceRows, type SpanRow, type NumberCell, type TraceRead } from './vscode/traces/trace-rows.js';
