export {
  copilotEvent,
  copilotSessionStart,
  copilotSessionResume,
  copilotUserMessage,
  copilotAssistantMessage,
  copilotShutdown,
  copilotEventsPath,
} from './cli-events.js';
export { chatRequest, chatSession, workspaceJson, mutation, vscodeUserDir } from './vscode.js';
export { jsonl, collectEvents, ofType, tokensBySession, mergeActivity } from './collect.js';
export { writeTraceDb, traceDbRelativePath, chatSpan, invokeAgentSpan } from './traces.js';
export { writeCopilotTracedHome } from './traced-home.js';
