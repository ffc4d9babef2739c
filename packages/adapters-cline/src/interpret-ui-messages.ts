import { isRecord, lineWarning, parseEpochMs, trimmedString, type Instant } from '@rimuru/adapter-kit';
import type { AdapterDiagnostic, UsageEvent } from '@rimuru/core';
import { parseApiRequestText, type ApiRequestInfo } from './api-request.js';
import type { ModelMention } from './conversation-history.js';
import type { ClineFamilyFlavor } from './flavor.js';
import type { HistoryItemFacts } from './history-item.js';
import { nonCachedInput } from './input-tokens.js';
import { modelUsageAt, type ModelUsageEntry } from './task-metadata.js';

/** What the task folder's other files say, gathered before the messages are read. */
export interface TaskFacts {
  /** Cline `task_metadata.json` `model_usage`, oldest first. */
  modelUsage: ModelUsageEntry[];
  /** The task's entry in the extension's task list (Cline `taskHistory.json`, Roo `history_item.json`). */
  historyItem: HistoryItemFacts | null;
  /** `<model>` tags of `api_conversation_history.json`, in order. */
  mentions: ModelMention[];
  /** The working directory the prompts name. */
  historyCwd: string | null;
}

export const NO_TASK_FACTS: TaskFacts = { modelUsage: [], historyItem: null, mentions: [], historyCwd: null };

export interface TaskInterpretation {
  usage: UsageEvent[];
  diagnostics: AdapterDiagnostic[];
  firstAt: Instant | null;
  lastAt: Instant | null;
  /** The first prompt (`say: "task"`), for a title. */
  firstPrompt: string | null;
}

/**
 * The `say` values whose text is a `ClineApiReqInfo` with counters: one request, the sum of
 * requests the user deleted (Cline keeps their spend when a checkpoint is restored), and a
 * batch of Cline subagents. The extensions' own task totals add all three.
 */
const USAGE_SAYS = new Set(['api_req_started', 'deleted_api_reqs', 'subagent_usage']);

interface UsageCandidate {
  index: number;
  say: string;
  ts: Instant;
  info: ApiRequestInfo;
  modelInfo: { modelId: string | null; providerId: string | null } | null;
}

function messageModelInfo(message: Record<string, unknown>): UsageCandidate['modelInfo'] {
  const info = message['modelInfo'];
  if (!isRecord(info)) return null;
  return { modelId: trimmedString(info['modelId']), providerId: trimmedString(info['providerId']) };
}

/** The model tag of the prompt sent for a request: the last one stamped before the next request. */
function mentionedModel(mentions: readonly ModelMention[], nextRequestMs: number): string | null {
  let timed: string | null = null;
  let anyTimed = false;
  for (const mention of mentions) {
    if (mention.ts === null) continue;
    anyTimed = true;
    if (mention.ts < nextRequestMs) timed = mention.model;
  }
  if (anyTimed) return timed;
  // Older histories carry no times: the last tag is the best the files say.
  return mentions.at(-1)?.model ?? null;
}

function resolveModel(
  flavor: ClineFamilyFlavor,
  facts: TaskFacts,
  candidate: UsageCandidate,
  nextRequestMs: number,
): { model: string | null; providerId: string | null } {
  if (flavor.modelSource === 'environment-details')
    return { model: mentionedModel(facts.mentions, nextRequestMs), providerId: null };
  const usage = modelUsageAt(facts.modelUsage, candidate.ts.ms);
  return {
    model: candidate.modelInfo?.modelId ?? usage?.modelId ?? facts.historyItem?.modelId ?? null,
    providerId: candidate.modelInfo?.providerId ?? usage?.providerId ?? null,
  };
}

/**
 * Reads the parsed `ui_messages.json` array of one task: a usage event per request record
 * that carries counts, first/last activity from every stamped message, and a diagnostic per
 * record of unknown shape. Pure: the caller gathers `facts` from the folder's other files.
 */
export function interpretUiMessages(
  messages: readonly unknown[],
  taskId: string,
  flavor: ClineFamilyFlavor,
  facts: TaskFacts,
): TaskInterpretation {
  const diagnostics: AdapterDiagnostic[] = [];
  const candidates: UsageCandidate[] = [];
  /** Times of every request record, placeholders included: they bound the prompts of the one before. */
  const requestTimes: number[] = [];
  let firstAt: Instant | null = null;
  let lastAt: Instant | null = null;
  let firstPrompt: string | null = null;

  for (const [index, message] of messages.entries()) {
    const line = index + 1;
    if (!isRecord(message)) {
      diagnostics.push(lineWarning(line, 'invalid-record', 'message is not a JSON object'));
      continue;
    }
    const type = message['type'];
    if (type !== 'say' && type !== 'ask') {
      diagnostics.push(
        lineWarning(line, 'invalid-record', `message type ${JSON.stringify(type)} is neither "say" nor "ask"`),
      );
      continue;
    }
    const ts = parseEpochMs(message['ts']);
    if (ts === null) {
      diagnostics.push(lineWarning(line, 'invalid-record', 'message has no epoch-millisecond ts'));
      continue;
    }
    if (firstAt === null || ts.ms < firstAt.ms) firstAt = ts;
    if (lastAt === null || ts.ms > lastAt.ms) lastAt = ts;
    const say = message['say'];
    if (type !== 'say' || typeof say !== 'string') continue;
    if (say === 'task' && firstPrompt === null) firstPrompt = trimmedString(message['text']);
    if (!USAGE_SAYS.has(say)) continue; // the many other say kinds are transcript, not usage
    if (say === 'api_req_started') requestTimes.push(ts.ms);
    // A message still streaming is rewritten whole when it completes.
    if (message['partial'] === true) continue;
    const parsed = parseApiRequestText(message['text']);
    if (parsed.kind === 'invalid') {
      diagnostics.push(
        lineWarning(
          line,
          parsed.reason.includes('JSON') ? 'invalid-json' : 'invalid-record',
          `${say}: ${parsed.reason}`,
        ),
      );
      continue;
    }
    if (parsed.kind === 'placeholder') continue;
    candidates.push({ index, say, ts, info: parsed.info, modelInfo: messageModelInfo(message) });
  }

  requestTimes.sort((a, b) => a - b);
  const seenKeys = new Map<string, number>();
  const usage: UsageEvent[] = [];
  for (const candidate of candidates) {
    const { info, ts } = candidate;
    const raw = info.tokensIn + info.tokensOut + info.cacheReads + info.cacheWrites;
    // A request that failed before any usage arrived cost nothing and counted nothing.
    if (raw === 0 && (info.cost === null || info.cost === 0)) continue;
    const nextRequestMs = requestTimes.find((t) => t > ts.ms) ?? Number.POSITIVE_INFINITY;
    const { model, providerId } = resolveModel(flavor, facts, candidate, nextRequestMs);
    const input = nonCachedInput(flavor.inputRule, info, { ts: ts.ms, providerId, apiProtocol: info.apiProtocol });
    const base = candidate.say === 'api_req_started' ? `${taskId}:${ts.ms}` : `${taskId}:${candidate.say}:${ts.ms}`;
    const copies = seenKeys.get(base) ?? 0;
    seenKeys.set(base, copies + 1);
    usage.push({
      type: 'usage',
      sessionExternalId: taskId,
      dedupeKey: copies === 0 ? base : `${base}#${copies}`,
      // The record is updated in place while the response streams: more counted wins.
      rank: raw,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: ts.iso,
      model,
      tokens: {
        input,
        output: info.tokensOut,
        cacheRead: info.cacheReads,
        cacheWrite5m: info.cacheWrites,
        cacheWrite1h: 0,
        reasoning: 0,
      },
      recordedCostUsd: info.cost,
      speed: null,
      line: candidate.index + 1,
      // Deleted and subagent records sum several requests (how many is not written).
      ...(candidate.say === 'api_req_started' ? {} : { requestCount: null }),
    });
  }
  return { usage, diagnostics, firstAt, lastAt, firstPrompt };
}
