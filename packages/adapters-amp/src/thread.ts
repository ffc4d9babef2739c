import { isRecord, parseEpochMs, parseIsoTimestamp, trimmedString, type Instant } from '@rimuru/adapter-kit';
import { totalTokens, type SessionActivity, type TokenCounts, type UsageEvent } from '@rimuru/core';
import { projectPathOfUri } from './project-uri.js';
import { ledgerTokens, messageUsageTokens } from './usage-tokens.js';

export type ThreadParse =
  | { kind: 'invalid'; reason: string }
  | { kind: 'thread'; threadId: string; usages: UsageEvent[]; activity: SessionActivity | null; problems: string[] };

/** An ISO string or epoch-ms number, as Amp writes times in different places. */
function instantOf(value: unknown): Instant | null {
  return typeof value === 'number' ? parseEpochMs(value) : parseIsoTimestamp(value);
}

/** Message ids are integers in Amp threads; strings are tolerated. */
function messageIdOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return trimmedString(value);
}

function projectOf(doc: Record<string, unknown>): string | null {
  const env = doc['env'];
  const initial = isRecord(env) ? env['initial'] : undefined;
  const trees = isRecord(initial) ? initial['trees'] : undefined;
  if (!Array.isArray(trees)) return null;
  for (const tree of trees) {
    const uri = isRecord(tree) ? trimmedString(tree['uri']) : null;
    const path = uri === null ? null : projectPathOfUri(uri);
    if (path !== null) return path;
  }
  return null;
}

class Span {
  first: Instant | null = null;
  last: Instant | null = null;
  add(at: Instant | null): void {
    if (at === null) return;
    if (this.first === null || at.ms < this.first.ms) this.first = at;
    if (this.last === null || at.ms > this.last.ms) this.last = at;
  }
}

/**
 * One Amp thread document (`T-<uuid>.json`) as usage events and one activity.
 *
 * - Current threads: one usage event per assistant message carrying `usage`, keyed by the
 *   thread and `messageId`, so the rewritten document re-read later gives the same keys; a
 *   message whose usage grows while streaming ranks by its token total.
 * - Older threads: `usageLedger.events[]`. A ledger event whose `toMessageId` names a message
 *   already counted from its own `usage` is the same inference and is not counted again; any
 *   other ledger event is counted from its own `tokens`.
 * - `credits` are Amp's billing units, not dollars: never read as a recorded cost.
 * - A request without its own time takes the latest earlier time in the thread (the user
 *   message's `meta.sentAt`, else the thread's `created`): Amp wrote it after that.
 */
export function interpretThread(value: unknown, fileStem: string): ThreadParse {
  if (!isRecord(value)) return { kind: 'invalid', reason: 'thread file is not a JSON object' };
  const threadId = trimmedString(value['id']) ?? (/^T-/.test(fileStem) ? fileStem : null);
  if (threadId === null) return { kind: 'invalid', reason: 'thread has no id' };
  const rawMessages = value['messages'] ?? [];
  const ledger = value['usageLedger'];
  const rawEvents = isRecord(ledger) ? (ledger['events'] ?? []) : [];
  if (!Array.isArray(rawMessages)) return { kind: 'invalid', reason: 'thread messages is not an array' };
  if (!Array.isArray(rawEvents)) return { kind: 'invalid', reason: 'thread usageLedger.events is not an array' };

  const problems: string[] = [];
  const usages: UsageEvent[] = [];
  const span = new Span();
  const created = instantOf(value['created']);
  span.add(created);
  span.add(instantOf(value['updatedAt']));
  let tokensKnown = isRecord(ledger);
  let latest: Instant | null = created;
  /** Message ids counted from their own `usage`. */
  const counted = new Set<string>();
  /** Message ids a ledger event was already counted for. */
  const claimed = new Set<string>();

  const push = (key: string, at: Instant, model: string | null, tokens: TokenCounts, index: number): void => {
    usages.push({
      type: 'usage',
      sessionExternalId: threadId,
      dedupeKey: `${threadId}:${key}`,
      rank: totalTokens(tokens),
      replayKey: null,
      isReplayCopy: false,
      occurredAt: at.iso,
      model,
      tokens,
      recordedCostUsd: null,
      speed: null,
      line: index + 1,
    });
  };

  rawMessages.forEach((message, index) => {
    if (!isRecord(message)) {
      problems.push(`messages[${index}] is not an object; skipped`);
      return;
    }
    const meta = message['meta'];
    const sentAt = isRecord(meta) ? instantOf(meta['sentAt']) : null;
    const usage = message['usage'];
    const at = (isRecord(usage) ? instantOf(usage['timestamp']) : null) ?? instantOf(message['timestamp']) ?? sentAt;
    span.add(at);
    if (at !== null && (latest === null || at.ms > latest.ms)) latest = at;
    if (usage === undefined || usage === null) return;
    if (!isRecord(usage)) {
      problems.push(`messages[${index}].usage is not an object; skipped`);
      return;
    }
    tokensKnown = true;
    const parsed = messageUsageTokens(usage);
    if (!parsed.ok) {
      problems.push(`messages[${index}].usage: ${parsed.reason}; skipped`);
      return;
    }
    // All-zero usage (an aborted inference) is no request, as ccusage also skips it.
    if (totalTokens(parsed.tokens) === 0) return;
    const when = at ?? latest;
    if (when === null) {
      problems.push(`messages[${index}] has usage but the thread has no time at or before it; skipped`);
      return;
    }
    const id = messageIdOf(message['messageId']) ?? `#${index}`;
    counted.add(id);
    push(`m:${id}`, when, trimmedString(usage['model']) ?? trimmedString(message['model']), parsed.tokens, index);
  });

  rawEvents.forEach((event, index) => {
    if (!isRecord(event)) {
      problems.push(`usageLedger.events[${index}] is not an object; skipped`);
      return;
    }
    const at = instantOf(event['timestamp']);
    span.add(at);
    const target = messageIdOf(event['toMessageId']);
    if (target !== null && counted.has(target)) return;
    const parsed = ledgerTokens(event['tokens']);
    if (!parsed.ok) {
      problems.push(`usageLedger.events[${index}]: ${parsed.reason}; skipped`);
      return;
    }
    if (totalTokens(parsed.tokens) === 0) return;
    const when = at ?? latest;
    if (when === null) {
      problems.push(`usageLedger.events[${index}] has no usable timestamp; skipped`);
      return;
    }
    let key = `l:${trimmedString(event['id']) ?? `#${index}`}`;
    if (target !== null) {
      key = `m:${target}`;
      // Two ledger events for one message without usage: keep both apart.
      if (claimed.has(target)) key = `m:${target}:l:${trimmedString(event['id']) ?? `#${index}`}`;
      claimed.add(target);
    }
    push(key, when, trimmedString(event['model']), parsed.tokens, index);
  });

  const activity: SessionActivity | null =
    span.first === null || span.last === null
      ? null
      : {
          type: 'activity',
          sessionExternalId: threadId,
          firstAt: span.first.iso,
          lastAt: span.last.iso,
          projectPath: projectOf(value),
          parentExternalId: null,
          tokensKnown,
          title: trimmedString(value['title']),
        };
  if (activity === null) problems.push('thread has no usable time (created, sentAt, usage timestamps)');
  return { kind: 'thread', threadId, usages, activity, problems };
}
