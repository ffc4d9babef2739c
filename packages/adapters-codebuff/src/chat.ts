import { isRecord, parseEpochMs, parseIsoTimestamp, trimmedString, type Instant } from '@rimuru/adapter-kit';
import { totalTokens, type SessionActivity, type UsageEvent } from '@rimuru/core';
import { parseUsage, type UsageParse } from './usage-tokens.js';

/** What a chat's folder and its sibling files say about it. */
export interface ChatContext {
  /** `<channel>/<project>/<chat id>`, as ccusage names the session. */
  sessionId: string;
  /** The chat folder's name read as a time (`2026-07-16T00-09-00.236Z`), if it is one. */
  chatStart: Instant | null;
  /** Last write of `chat-messages.json`: the chat's last activity when messages carry no usable time. */
  fileWrite: Instant | null;
  /** `run-state.json` `sessionState.fileContext.cwd`. */
  cwd: string | null;
}

/** `2026-07-16T00-09-00.236Z` (a chat folder) as an instant; null for other names. */
export function chatFolderInstant(name: string): Instant | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(\.\d+)?Z$/.exec(name);
  return m === null ? null : parseIsoTimestamp(`${m[1]}T${m[2]}:${m[3]}:${m[4]}${m[5] ?? ''}Z`);
}

/**
 * A message time: ISO text or epoch seconds/milliseconds. Codebuff's older "03:45 PM" times are
 * local wall-clock without date or zone, so they cannot be placed exactly and are not used.
 */
function instantOf(value: unknown): Instant | null {
  if (typeof value === 'number') return parseEpochMs(value < 10_000_000_000 ? value * 1000 : value);
  return parseIsoTimestamp(value);
}

const ASSISTANT = new Set(['ai', 'agent', 'assistant']);

/** Usage and model of one assistant message: `metadata.usage`, `metadata.codebuff.usage`, else the run state's last assistant step. */
function messageUsage(metadata: Record<string, unknown>): { usage: UsageParse; model: string | null } {
  let model = trimmedString(metadata['model']);
  const codebuff = metadata['codebuff'];
  for (const candidate of [metadata['usage'], isRecord(codebuff) ? codebuff['usage'] : undefined]) {
    const usage = parseUsage(candidate);
    if (usage.kind !== 'none') return { usage, model };
  }
  const runState = metadata['runState'];
  const session = isRecord(runState) ? runState['sessionState'] : undefined;
  const main = isRecord(session) ? session['mainAgentState'] : undefined;
  const history = isRecord(main) ? main['messageHistory'] : undefined;
  if (Array.isArray(history)) {
    for (let i = history.length - 1; i >= 0; i -= 1) {
      const step: unknown = history[i];
      if (!isRecord(step) || step['role'] !== 'assistant' || !isRecord(step['providerOptions'])) continue;
      const options = step['providerOptions'];
      const cb = options['codebuff'];
      model ??= isRecord(cb) ? trimmedString(cb['model']) : null;
      for (const candidate of [options['usage'], isRecord(cb) ? cb['usage'] : undefined]) {
        const usage = parseUsage(candidate);
        if (usage.kind !== 'none') return { usage, model };
      }
    }
  }
  return { usage: { kind: 'none' }, model };
}

export type ChatParse =
  | { kind: 'invalid'; reason: string }
  | { kind: 'chat'; usages: UsageEvent[]; activity: SessionActivity | null; problems: string[] };

/**
 * One `chat-messages.json` (an array of `{id?, variant:"user"|"ai"|"agent"|"error", content,
 * timestamp, metadata?, credits?}`) as usage events and one activity. Most chats record no
 * tokens at all (the model is chosen server-side and only `credits` are kept): such a chat is
 * activity with unknown tokens. Credits are Codebuff's billing units, never dollars.
 */
export function interpretChat(value: unknown, chat: ChatContext): ChatParse {
  if (!Array.isArray(value)) return { kind: 'invalid', reason: 'chat-messages.json is not a JSON array' };
  const problems: string[] = [];
  const usages: UsageEvent[] = [];
  const times: Instant[] = [];
  let tokensKnown = false;
  let title: string | null = null;
  const models = new Set<string>();
  value.forEach((message, index) => {
    if (!isRecord(message)) {
      problems.push(`message ${index} is not an object; skipped`);
      return;
    }
    const metadata = isRecord(message['metadata']) ? message['metadata'] : {};
    const at = instantOf(message['timestamp']) ?? instantOf(message['createdAt']) ?? instantOf(metadata['timestamp']);
    if (at !== null) times.push(at);
    const variant = trimmedString(message['variant']) ?? trimmedString(message['role']);
    if (variant === 'user' && title === null) {
      const text = trimmedString(message['content']);
      title = text === null ? null : text.replace(/\s+/g, ' ').slice(0, 120);
    }
    if (variant === null || !ASSISTANT.has(variant)) return;
    const { usage, model } = messageUsage(metadata);
    if (model !== null) models.add(model);
    if (usage.kind === 'none') return;
    tokensKnown = true;
    if (usage.kind === 'invalid') {
      problems.push(`message ${index}: ${usage.reason}; skipped`);
      return;
    }
    if (totalTokens(usage.tokens) === 0) return;
    const when = at ?? chat.chatStart ?? chat.fileWrite;
    if (when === null) {
      problems.push(`message ${index} has usage but no usable time; skipped`);
      return;
    }
    usages.push({
      type: 'usage',
      sessionExternalId: chat.sessionId,
      dedupeKey: `${chat.sessionId}:${trimmedString(message['id']) ?? `#${index}`}`,
      rank: totalTokens(usage.tokens),
      replayKey: null,
      isReplayCopy: false,
      occurredAt: when.iso,
      model,
      tokens: usage.tokens,
      recordedCostUsd: null,
      speed: null,
      line: index + 1,
    });
  });
  const all = [
    ...times,
    ...(chat.chatStart === null ? [] : [chat.chatStart]),
    ...(chat.fileWrite === null ? [] : [chat.fileWrite]),
  ];
  let activity: SessionActivity | null = null;
  if (all.length > 0) {
    const first = all.reduce((a, b) => (b.ms < a.ms ? b : a));
    const last = all.reduce((a, b) => (b.ms > a.ms ? b : a));
    activity = {
      type: 'activity',
      sessionExternalId: chat.sessionId,
      firstAt: first.iso,
      lastAt: last.iso,
      projectPath: chat.cwd,
      parentExternalId: null,
      tokensKnown,
      title,
      ...(models.size === 0 || tokensKnown ? {} : { models: [...models].sort() }),
    };
  } else {
    problems.push('chat has no usable time');
  }
  return { kind: 'chat', usages, activity, problems };
}
