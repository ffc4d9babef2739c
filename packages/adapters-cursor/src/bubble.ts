import { asObject, modelName, nonEmptyString } from './cursor-record.js';
import { toEpochMs } from './timestamps.js';

const USER_BUBBLE = 1;
export const ASSISTANT_BUBBLE = 2;

interface BubbleTokens {
  input: number;
  output: number;
}

/** One message of a composer, reduced to what Rimuru uses. */
export interface ParsedBubble {
  bubbleId: string;
  /** 1 user, 2 assistant; null when neither the bubble nor the composer's header says. */
  type: number | null;
  /** `createdAt` of the bubble; null when absent or not a plausible instant. */
  atMs: number | null;
  /** Non-zero `tokenCount`; null for "no usage" (absent, `{0,0}` or invalid). */
  tokens: BubbleTokens | null;
  /** `modelInfo.modelName` of the bubble itself (before the composer fallback). */
  model: string | null;
  /** Why `tokenCount` was rejected, when it was. */
  tokenProblem: string | null;
}

export type BubbleParse = { ok: true; bubble: ParsedBubble } | { ok: false; message: string };

function tokenField(value: unknown): number | null | 'invalid' {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 'invalid';
}

/**
 * `tokenCount` is filled in asynchronously by Cursor and is often `{0,0}` in agent chats; zero
 * means "no usage recorded", never "zero tokens spent", and nothing is estimated from text.
 */
function parseTokens(value: unknown): { tokens: BubbleTokens | null; problem: string | null } {
  if (value === undefined || value === null) return { tokens: null, problem: null };
  const record = asObject(value);
  if (record === null) return { tokens: null, problem: 'tokenCount is not an object' };
  const input = tokenField(record['inputTokens']);
  const output = tokenField(record['outputTokens']);
  if (input === 'invalid' || output === 'invalid') {
    return { tokens: null, problem: 'tokenCount has a value that is not a non-negative integer' };
  }
  if ((input ?? 0) === 0 && (output ?? 0) === 0) return { tokens: null, problem: null };
  return { tokens: { input: input ?? 0, output: output ?? 0 }, problem: null };
}

/**
 * Parses a bubble value (a `bubbleId:<composer>:<bubble>` row or an element of a legacy inline
 * `conversation[]`). `keyBubbleId` is the id from the row key, which wins over the value's own.
 */
export function parseBubble(value: unknown, keyBubbleId: string | null): BubbleParse {
  const record = asObject(value);
  if (record === null) return { ok: false, message: 'bubble is not a JSON object' };
  const bubbleId = keyBubbleId ?? nonEmptyString(record['bubbleId']);
  if (bubbleId === null) return { ok: false, message: 'bubble has no bubbleId' };
  const type = record['type'] === USER_BUBBLE || record['type'] === ASSISTANT_BUBBLE ? record['type'] : null;
  const { tokens, problem } = parseTokens(record['tokenCount']);
  return {
    ok: true,
    bubble: {
      bubbleId,
      type,
      atMs: toEpochMs(record['createdAt']),
      tokens,
      model: modelName(asObject(record['modelInfo'])?.['modelName']),
      tokenProblem: problem,
    },
  };
}
