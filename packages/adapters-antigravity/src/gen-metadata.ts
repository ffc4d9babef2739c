import type { TokenCounts } from '@rimuru/core';
import { countOf, firstField, nestedOf, parseProtoFields, textOf, type ProtoField } from './proto-fields.js';

/** What one `gen_metadata` row says about one model generation. */
export interface Generation {
  tokens: TokenCounts;
  /** chatModel #19 (response model), else the `model_enum` attribute, else the display name #21. */
  model: string | null;
  /** ModelUsageStats #11, the generation's response id. */
  responseId: string | null;
  /** ChatStartMetadata (chatModel #9) created_at (#4), epoch ms. */
  createdAtMs: number | null;
}

/**
 * Field numbers (agentsview cross-checked them against the CLI's own JSON sidecar in 550/550
 * generations; codeburn reads the same): row = CortexStepGeneratorMetadata {1: chatModel,
 * 2: step indices}; chatModel {4: ModelUsageStats, 9: ChatStartMetadata, 19: response model,
 * 20: attributes (key #1, value #2), 21: model display name}; ModelUsageStats {1: model enum,
 * 2: input_tokens (uncached), 3: output_tokens (thinking included), 4: cache_write_tokens
 * (deprecated), 5: cache_read_tokens, 9: response output, 10: thinking output, 11: response id}.
 */
export function decodeGeneration(data: Uint8Array): Generation | 'no-usage' | 'malformed' {
  const root = parseProtoFields(data);
  if (root === null) return 'malformed';
  const chat = nestedOf(firstField(root, 1));
  if (chat === null) return 'no-usage';
  const usage = nestedOf(firstField(chat, 4));
  if (usage === null) return 'no-usage';
  const input = countOf(firstField(usage, 2));
  const output = countOf(firstField(usage, 3));
  const cacheRead = countOf(firstField(usage, 5));
  const thinking = countOf(firstField(usage, 10));
  if (input + output + cacheRead === 0) return 'no-usage';
  return {
    tokens: { input, output, cacheRead, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: Math.min(thinking, output) },
    model: textOf(firstField(chat, 19)) ?? attribute(chat, 'model_enum') ?? textOf(firstField(chat, 21)),
    responseId: textOf(firstField(usage, 11)),
    createdAtMs: createdAt(chat),
  };
}

function attribute(chat: readonly ProtoField[], key: string): string | null {
  for (const field of chat) {
    if (field.number !== 20) continue;
    const pair = nestedOf(field);
    if (pair !== null && textOf(firstField(pair, 1)) === key) return textOf(firstField(pair, 2));
  }
  return null;
}

/** created_at as a Timestamp message (seconds #1, nanos #2), an ISO string, or epoch s/ms. */
function createdAt(chat: readonly ProtoField[]): number | null {
  const start = nestedOf(firstField(chat, 9));
  const field = start === null ? undefined : firstField(start, 4);
  if (field === undefined) return null;
  if (field.varint !== undefined) {
    const n = Number(field.varint);
    return n > 0 ? (n > 1e12 ? n : n * 1000) : null;
  }
  const text = textOf(field);
  if (text !== null && /^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  const ts = nestedOf(field);
  if (ts === null) return null;
  const seconds = countOf(firstField(ts, 1));
  return seconds > 0 ? seconds * 1000 + Math.floor(countOf(firstField(ts, 2)) / 1e6) : null;
}
