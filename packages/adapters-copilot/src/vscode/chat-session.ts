import { parseEpochMs, type Instant } from '@rimuru/adapter-kit';
import { isRecord } from '@rimuru/adapter-kit';

/** What a VS Code Copilot Chat session tells us. It records no token counts at all. */
interface ChatSessionSummary {
  sessionId: string;
  firstAt: string;
  lastAt: string;
  title: string | null;
  /** Requests (prompts) sent in the session. */
  requestCount: number;
  /** Models as VS Code wrote them (`copilot/gpt-4.1`, BYOK `generic-copilot/litellm/…`), first use order. */
  models: string[];
}

export type ChatSessionParse =
  | { kind: 'session'; summary: ChatSessionSummary; problems: string[] }
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: string };

function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** `selectedModel.identifier` (top level in some builds, inside `inputState` in the log form). */
function selectedModel(session: Record<string, unknown>): string | null {
  for (const holder of [session, session['inputState']]) {
    if (!isRecord(holder)) continue;
    const selected = holder['selectedModel'];
    if (isRecord(selected)) {
      const id = nonEmptyString(selected['identifier']);
      if (id !== null) return id;
    }
  }
  return null;
}

/**
 * A request's model: its `modelId`; else the session's selected model; else the display
 * name in `result.details` ("Claude Sonnet 4.5 • 1x" → "Claude Sonnet 4.5").
 */
function requestModel(request: Record<string, unknown>, fallback: string | null): string | null {
  const id = nonEmptyString(request['modelId']);
  if (id !== null) return id;
  if (fallback !== null) return fallback;
  const result = request['result'];
  const details = isRecord(result) ? nonEmptyString(result['details']) : null;
  return details === null ? null : (details.split(' • ')[0] ?? '').trim() || null;
}

/**
 * Reads a chat session (the JSON file, or the state a mutation log replays to): start is the
 * earliest of `creationDate` and request timestamps, end the latest of `lastMessageDate` and
 * request timestamps (all epoch ms). A session without requests is an opened, unused chat
 * and gives nothing. The id is `sessionId`, else the file name (VS Code names the file after it).
 */
export function parseChatSession(value: unknown, fallbackId: string): ChatSessionParse {
  if (!isRecord(value)) return { kind: 'invalid', reason: 'chat session is not a JSON object' };
  const requests = value['requests'];
  if (requests !== undefined && !Array.isArray(requests)) {
    return { kind: 'invalid', reason: 'chat session requests is not an array' };
  }
  const problems: string[] = [];
  const instants: Instant[] = [];
  const models: string[] = [];
  const fallbackModel = selectedModel(value);
  let requestCount = 0;
  for (const [index, request] of (requests ?? []).entries()) {
    if (!isRecord(request)) {
      problems.push(`requests[${index}] is not an object`);
      continue;
    }
    requestCount += 1;
    const timestamp = request['timestamp'];
    const at = parseEpochMs(timestamp);
    if (at !== null) instants.push(at);
    else if (timestamp !== undefined) problems.push(`requests[${index}].timestamp is not an epoch-ms date`);
    const model = requestModel(request, fallbackModel);
    if (model !== null && !models.includes(model)) models.push(model);
  }
  if (requestCount === 0) return { kind: 'empty' };

  for (const field of ['creationDate', 'lastMessageDate']) {
    const raw = value[field];
    const at = parseEpochMs(raw);
    if (at !== null) instants.push(at);
    else if (raw !== undefined) problems.push(`${field} is not an epoch-ms date`);
  }
  if (instants.length === 0)
    return { kind: 'invalid', reason: 'chat session has no valid creationDate or request timestamp' };
  let first = instants[0] as Instant;
  let last = first;
  for (const at of instants) {
    if (at.ms < first.ms) first = at;
    if (at.ms > last.ms) last = at;
  }
  return {
    kind: 'session',
    problems,
    summary: {
      sessionId: nonEmptyString(value['sessionId']) ?? fallbackId,
      firstAt: first.iso,
      lastAt: last.iso,
      title: nonEmptyString(value['customTitle']),
      requestCount,
      models,
    },
  };
}
