import { isRecord } from '@rimuru/adapter-kit';
import { ZERO_TOKENS, totalTokens, type TokenCounts } from '@rimuru/core';
import { tokenCount } from './json-fields.js';

export type TokenParse = { ok: true; tokens: TokenCounts } | { ok: false; reason: string };

/**
 * Tokens of an assistant message's `usage` (current threads). Amp splits the prompt into
 * three disjoint buckets (`totalInputTokens = inputTokens + cacheCreationInputTokens +
 * cacheReadInputTokens`), so `inputTokens` is already the non-cached input. When no split
 * field is present but `totalTokens` is, the total counts as output (as ccusage does: the
 * class is unknown, and output is the only class every model prices).
 */
export function messageUsageTokens(usage: Record<string, unknown>): TokenParse {
  return splitTokens({
    input: usage['inputTokens'],
    output: usage['outputTokens'],
    cacheRead: usage['cacheReadInputTokens'],
    cacheWrite: usage['cacheCreationInputTokens'],
    total: usage['totalTokens'],
  });
}

/** Tokens of an older `usageLedger.events[].tokens` object (`input`, `output`, `total`). */
export function ledgerTokens(tokens: unknown): TokenParse {
  if (!isRecord(tokens)) return { ok: false, reason: 'ledger event has no tokens object' };
  return splitTokens({
    input: tokens['input'],
    output: tokens['output'],
    cacheRead: tokens['cacheReadInputTokens'],
    cacheWrite: tokens['cacheCreationInputTokens'],
    total: tokens['total'],
  });
}

interface RawSplit {
  input: unknown;
  output: unknown;
  cacheRead: unknown;
  cacheWrite: unknown;
  total: unknown;
}

function splitTokens(raw: RawSplit): TokenParse {
  const input = tokenCount(raw.input);
  const output = tokenCount(raw.output);
  const cacheRead = tokenCount(raw.cacheRead);
  const cacheWrite = tokenCount(raw.cacheWrite);
  const total = tokenCount(raw.total);
  if (input === null || output === null || cacheRead === null || cacheWrite === null || total === null) {
    return { ok: false, reason: 'token count is not a non-negative integer' };
  }
  const tokens: TokenCounts = { ...ZERO_TOKENS, input, output, cacheRead, cacheWrite5m: cacheWrite };
  if (totalTokens(tokens) === 0 && total > 0) tokens.output = total;
  return { ok: true, tokens };
}
