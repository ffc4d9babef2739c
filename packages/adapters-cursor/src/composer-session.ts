import type { AdapterDiagnostic, SessionActivity, UsageEvent } from '@rimuru/core';
import { ASSISTANT_BUBBLE, type ParsedBubble } from './bubble.js';
import type { ParsedComposer } from './composer.js';
import { isoOf } from './timestamps.js';

export interface ComposerSessionInput {
  composerId: string;
  /** Null for bubbles whose composerData row is gone. */
  composer: ParsedComposer | null;
  bubbles: readonly ParsedBubble[];
  projectPath: string | null;
  parentComposerId: string | null;
}

export type ComposerSessionEvent = UsageEvent | SessionActivity | AdapterDiagnostic;

/**
 * The events of one composer: one usage event per assistant bubble with non-zero tokens, then
 * one activity event. A composer without bubbles was opened but never used and is no session.
 * Everything is a pure function of the stored rows, so re-reading the database gives the same
 * events (or, once Cursor fills in a `tokenCount`, a larger-ranked copy of the same key).
 */
export function composerSessionEvents(input: ComposerSessionInput): ComposerSessionEvent[] {
  const { composerId, composer, bubbles } = input;
  if (bubbles.length === 0) return [];

  const instants: number[] = [];
  if (composer?.createdAtMs != null) instants.push(composer.createdAtMs);
  if (composer?.lastUpdatedAtMs != null) instants.push(composer.lastUpdatedAtMs);
  for (const bubble of bubbles) if (bubble.atMs !== null) instants.push(bubble.atMs);
  if (instants.length === 0) {
    return [
      {
        type: 'diagnostic',
        severity: 'warning',
        code: 'invalid-record',
        message: `composer ${composerId}: ${bubbles.length} bubble(s) but no usable timestamp; skipped`,
        line: null,
      },
    ];
  }
  const firstMs = Math.min(...instants);
  const lastMs = Math.max(...instants);
  // A bubble without its own time is dated like the composer's last update (agent-formats §3.1).
  const fallbackMs = composer?.lastUpdatedAtMs ?? composer?.createdAtMs ?? lastMs;

  const events: ComposerSessionEvent[] = [];
  for (const bubble of bubbles) {
    const type = bubble.type ?? composer?.headerTypes.get(bubble.bubbleId) ?? null;
    if (type !== ASSISTANT_BUBBLE || bubble.tokens === null) continue;
    const { input: inputTokens, output } = bubble.tokens;
    events.push({
      type: 'usage',
      sessionExternalId: composerId,
      dedupeKey: `${composerId}:${bubble.bubbleId}`,
      rank: inputTokens + output,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: isoOf(bubble.atMs ?? fallbackMs),
      model: bubble.model ?? composer?.model ?? null,
      // Cursor keeps no cache split locally: all input counts as non-cached input.
      tokens: { input: inputTokens, output, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
      recordedCostUsd: null,
      speed: null,
      line: null,
    });
  }
  const activity: SessionActivity = {
    type: 'activity',
    sessionExternalId: composerId,
    firstAt: isoOf(firstMs),
    lastAt: isoOf(lastMs),
    projectPath: input.projectPath,
    parentExternalId: input.parentComposerId,
    tokensKnown: events.length > 0,
    title: composer?.name ?? null,
  };
  // Without token counts there are no usage records to name models or count requests: the
  // assistant bubbles say both (zero tokens stay unknown tokens, never invented ones).
  if (events.length === 0) Object.assign(activity, tokenlessFacts(bubbles, composer));
  events.push(activity);
  return events;
}

function tokenlessFacts(
  bubbles: readonly ParsedBubble[],
  composer: ParsedComposer | null,
): { models: string[]; requestCount: number } {
  const models: string[] = [];
  let requestCount = 0;
  for (const bubble of bubbles) {
    const type = bubble.type ?? composer?.headerTypes.get(bubble.bubbleId) ?? null;
    if (type !== ASSISTANT_BUBBLE) continue;
    requestCount += 1;
    const model = bubble.model ?? composer?.model ?? null;
    if (model !== null && !models.includes(model)) models.push(model);
  }
  return { models, requestCount };
}
