import { nonBlankString } from '@rimuru/adapter-kit';
import type { Instant } from '@rimuru/adapter-kit';
import type { UsageEvent } from '@rimuru/core';
import { asNumber, asObject, type JsonObject } from './json-fields.js';
import { instantOf } from './message-time.js';
import { addRaw, rawSum, rawTokensOf, unifiedTokens, type RawTokens } from './message-tokens.js';

/** Where a message was found: the DB row's columns or the legacy file's folder fill what `data` lacks. */
export interface MessageOrigin {
  /** `message.id` column, or null for a legacy file (the id is then inside the JSON). */
  rowId: string | null;
  /** `message.session_id` column, or the legacy `message/<sessionID>/` folder name. */
  sessionHint: string | null;
  /** 1-based record index within the source, for diagnostics and `line`. */
  index: number;
}

export interface MessageFacts {
  messageId: string | null;
  sessionId: string;
  first: Instant | null;
  last: Instant | null;
  projectPath: string | null;
  model: string | null;
  /** True when the message carries a `tokens` object (the agent recorded usage, maybe zero). */
  hasTokens: boolean;
  usage: UsageEvent | null;
  /** Why the record could not be used, when it could not (a counted diagnostic). */
  problem: string | null;
}

export interface CostRule {
  /**
   * Whether a recorded `cost` of 0 is a real price. OpenCode writes 0 whenever models.dev has
   * no price (subscriptions, unknown models), so ccusage prices such messages itself; Kilo's
   * gateway records real zero prices (free models), and ccusage keeps them.
   */
  zeroCostIsRecorded: boolean;
}

/** `path.cwd` of an assistant message; some hand-written stores keep `path` as a plain string. */
function projectOf(data: JsonObject): string | null {
  const path = data['path'];
  if (typeof path === 'string') return nonBlankString(path);
  const obj = asObject(path);
  return nonBlankString(obj?.['cwd']) ?? nonBlankString(obj?.['root']);
}

/** `modelID` at the top (assistant messages), else inside `model` (user messages of newer versions). */
function modelOf(data: JsonObject): string | null {
  return nonBlankString(data['modelID']) ?? nonBlankString(asObject(data['model'])?.['modelID']);
}

function recordedCost(data: JsonObject, rule: CostRule): number | null {
  const cost = asNumber(data['cost']);
  if (cost === null || cost < 0) return null;
  if (cost === 0 && !rule.zeroCostIsRecorded) return null;
  return cost;
}

/**
 * The tokens billed for a message. OpenCode overwrites `message.tokens` with each step's usage
 * (and adds each step's cost to `message.cost`), so a message with several steps (tool loops of
 * older versions) keeps only its last step's tokens, while every step-finish part keeps its
 * own. The message is one billable unit either way: its tokens are the step-finish parts' sum
 * when that sum is larger, else its own. Never both added.
 */
export function billedTokens(own: RawTokens, steps: readonly RawTokens[]): RawTokens {
  if (steps.length === 0) return own;
  const summed = steps.reduce(addRaw);
  return rawSum(summed) > rawSum(own) ? summed : own;
}

const COMPLETED_RANK = 2 ** 40;

/**
 * Reads one message (`data` as OpenCode stored it). Rows are rewritten while a message streams
 * (tokens filled at each step, `time.completed` set at the end), so the copy read last is not
 * always the fullest: the rank prefers a completed copy, then the larger token total.
 */
export function interpretMessage(
  data: JsonObject,
  origin: MessageOrigin,
  steps: readonly RawTokens[],
  rule: CostRule,
): MessageFacts {
  const messageId = origin.rowId ?? nonBlankString(data['id']);
  const sessionId = nonBlankString(data['sessionID']) ?? nonBlankString(data['session_id']) ?? origin.sessionHint;
  const time = asObject(data['time']);
  const created = instantOf(time?.['created']);
  const completed = instantOf(time?.['completed']);
  const first = created ?? completed;
  const last = completed !== null && (created === null || completed.ms > created.ms) ? completed : created;
  const model = modelOf(data);
  const own = rawTokensOf(data['tokens']);
  const facts: MessageFacts = {
    messageId,
    sessionId: sessionId ?? '',
    first,
    last,
    projectPath: projectOf(data),
    model,
    hasTokens: own !== null,
    usage: null,
    problem: null,
  };
  if (sessionId === null) return { ...facts, problem: 'message without a session id' };
  if (own === null) return facts;
  const raw = billedTokens(own, steps);
  if (rawSum(raw) === 0) {
    // A total with no breakdown cannot be split into classes: reported, never guessed.
    if (raw.total !== null)
      return { ...facts, problem: `message ${messageId ?? '?'} has a token total without a breakdown` };
    return facts; // An assistant message not yet answered (or aborted before usage): nothing billed.
  }
  if (messageId === null) return { ...facts, problem: 'message with tokens but without an id' };
  if (first === null) return { ...facts, problem: `message ${messageId} has tokens but no time` };
  const tokens = unifiedTokens(raw);
  const size = tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite5m;
  facts.usage = {
    type: 'usage',
    sessionExternalId: sessionId,
    dedupeKey: messageId,
    rank: (completed !== null ? COMPLETED_RANK : 0) + size,
    replayKey: null,
    isReplayCopy: false,
    occurredAt: first.iso,
    model,
    tokens,
    recordedCostUsd: recordedCost(data, rule),
    speed: null,
    line: origin.index,
    // Billed as the sum of several steps: that many model calls, never one long request.
    ...(raw !== own && steps.length > 1 ? { requestCount: steps.length } : {}),
  };
  return facts;
}
