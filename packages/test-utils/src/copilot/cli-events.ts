/**
 * Builders of Copilot CLI event-log lines (`session-state/<id>/events.jsonl`), compact JSON
 * in the CLI's shape `{type, data, id, timestamp, parentId}` (agent-formats §4.2). Each
 * returns one line without `\n`; `jsonl()` from ./collect joins them into file content.
 */

export interface CopilotEventMeta {
  id: string;
  timestamp: string;
  parentId?: string | null;
}

export function copilotEvent(type: string, data: unknown, meta: CopilotEventMeta): string {
  return JSON.stringify({ type, data, id: meta.id, timestamp: meta.timestamp, parentId: meta.parentId ?? null });
}

export interface CopilotSessionStartInit extends CopilotEventMeta {
  sessionId: string;
  cwd?: string | null;
  copilotVersion?: string;
  model?: string;
}

export function copilotSessionStart(init: CopilotSessionStartInit): string {
  const context =
    init.cwd === null || init.cwd === undefined ? {} : { cwd: init.cwd, gitRoot: init.cwd, branch: 'main' };
  return copilotEvent(
    'session.start',
    {
      sessionId: init.sessionId,
      version: 1,
      producer: 'copilot-agent',
      copilotVersion: init.copilotVersion ?? '1.0.34',
      startTime: init.timestamp,
      context: { ...context, ...(init.model === undefined ? {} : { model: init.model }) },
    },
    init,
  );
}

export function copilotSessionResume(init: CopilotEventMeta & { cwd: string }): string {
  return copilotEvent(
    'session.resume',
    { resumeTime: init.timestamp, eventCount: 0, context: { cwd: init.cwd } },
    init,
  );
}

export function copilotUserMessage(init: CopilotEventMeta & { content: string }): string {
  return copilotEvent(
    'user.message',
    { content: init.content, transformedContent: init.content, attachments: [] },
    init,
  );
}

export function copilotAssistantMessage(
  init: CopilotEventMeta & { content: string; outputTokens?: number; model?: string },
): string {
  return copilotEvent(
    'assistant.message',
    {
      messageId: `msg-${init.id}`,
      content: init.content,
      toolRequests: [],
      ...(init.outputTokens === undefined ? {} : { outputTokens: init.outputTokens }),
      ...(init.model === undefined ? {} : { model: init.model }),
    },
    init,
  );
}

/** One model's `usage` as the CLI writes it: `inputTokens` INCLUDES cache reads and writes. */
interface CopilotModelUsageInit {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
  requests?: number;
  premiumCost?: number;
}

export interface CopilotShutdownInit extends CopilotEventMeta {
  modelMetrics: Record<string, CopilotModelUsageInit>;
  totalPremiumRequests?: number;
  totalNanoAiu?: number;
  /** Replace the generated `data.modelMetrics` entirely (malformed-input tests). */
  rawModelMetrics?: unknown;
}

export function copilotShutdown(init: CopilotShutdownInit): string {
  const modelMetrics: Record<string, unknown> = {};
  for (const [model, u] of Object.entries(init.modelMetrics)) {
    modelMetrics[model] = {
      requests: { count: u.requests ?? 1, cost: u.premiumCost ?? 1 },
      usage: {
        inputTokens: u.inputTokens,
        outputTokens: u.outputTokens,
        cacheReadTokens: u.cacheReadTokens ?? 0,
        cacheWriteTokens: u.cacheWriteTokens ?? 0,
        ...(u.reasoningTokens === undefined ? {} : { reasoningTokens: u.reasoningTokens }),
      },
    };
  }
  return copilotEvent(
    'session.shutdown',
    {
      shutdownType: 'routine',
      totalPremiumRequests: init.totalPremiumRequests ?? Object.keys(modelMetrics).length,
      ...(init.totalNanoAiu === undefined ? {} : { totalNanoAiu: init.totalNanoAiu }),
      totalApiDurationMs: 1000,
      sessionStartTime: Date.parse(init.timestamp),
      modelMetrics: init.rawModelMetrics === undefined ? modelMetrics : init.rawModelMetrics,
      // Newer builds add tokenDetails; the adapter must ignore it (it diverges from usage).
      tokenDetails: { input: { tokenCount: 999_999 }, output: { tokenCount: 999_999 } },
    },
    init,
  );
}

/** Where the current CLI layout keeps a session's log, relative to the home directory. */
export function copilotEventsPath(sessionId: string, configDir = '.copilot'): string {
  return `${configDir}/session-state/${sessionId}/events.jsonl`;
}
