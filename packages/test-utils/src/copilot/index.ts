export {
  copilotEvent,
  copilotSessionStart,
  copilotSessionResume,
  copilotUserMessage,
  copilotAssistantMessage,
  copilotShutdown,
  copilotEventsPath,
  type CopilotEventMeta,
  type CopilotSessionStartInit,
  type CopilotModelUsageInit,
  type CopilotShutdownInit,
} from './cli-events.js';
export {
  chatRequest,
  chatSession,
  workspaceJson,
  mutation,
  vscodeUserDir,
  type ChatRequestInit,
  type ChatSessionInit,
} from './vscode.js';
export { jsonl, collectEvents, ofType, dedupeByKey, tokensBySession, mergeActivity } from './collect.js';
export {
  writeTraceDb,
  traceDbRelativePath,
  chatSpan,
  invokeAgentSpan,
  toolSpan,
  requestTokens,
  nextSpanId,
  resetSpanIds,
  type TraceSpan,
  type TraceDbOptions,
  type RequestTokens,
  type ChatSpanInit,
  type InvokeAgentInit,
} from './traces.js';
export { writeCopilotTracedHome, type TracedHome, type TracedSessionTruth } from './traced-home.js';
