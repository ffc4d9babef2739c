import type { TokenCounts } from '@rimuru/core';
import { asCount, asNumber, asObject } from './json-fields.js';

/** The counts of one `tokens` object as OpenCode wrote them, before any convention is applied. */
export interface RawTokens {
  input: number;
  output: number;
  reasoning: number;
  cacheRead: number;
  cacheWrite: number;
  /** `tokens.total` when written (newer versions), else null. */
  total: number | null;
}

/** Reads `{input, output, reasoning, cache:{read, write}, total?}`; null when `tokens` is not an object. */
export function rawTokensOf(value: unknown): RawTokens | null {
  const tokens = asObject(value);
  if (tokens === null) return null;
  const cache = asObject(tokens['cache']);
  const total = asNumber(tokens['total']);
  return {
    input: asCount(tokens['input']),
    output: asCount(tokens['output']),
    reasoning: asCount(tokens['reasoning']),
    cacheRead: asCount(cache?.['read']),
    cacheWrite: asCount(cache?.['write']),
    total: total !== null && total > 0 ? Math.trunc(total) : null,
  };
}

export function addRaw(a: RawTokens, b: RawTokens): RawTokens {
  return {
    input: a.input + b.input,
    output: a.output + b.output,
    reasoning: a.reasoning + b.reasoning,
    cacheRead: a.cacheRead + b.cacheRead,
    cacheWrite: a.cacheWrite + b.cacheWrite,
    total: a.total !== null && b.total !== null ? a.total + b.total : null,
  };
}

export function rawSum(t: RawTokens): number {
  return t.input + t.output + t.reasoning + t.cacheRead + t.cacheWrite;
}

/**
 * Whether `tokens.output` already contains the reasoning tokens. OpenCode's `input` is always
 * non-cached (it subtracts cache read/write from the SDK's input itself). Its `output` changed:
 * up to OpenCode PR #21047 (spring 2026) it was the SDK's output, which for OpenAI-style
 * providers includes reasoning; since then it is `output − reasoning`, and reasoning is
 * additive. Where `tokens.total` is written it settles the question (it is the SDK total:
 * all input incl. cache plus all output); without it, or when it matches neither sum (a row
 * caught mid-stream), the current convention applies, as does any reasoning larger than
 * output (it cannot be a subset then).
 */
export function outputIncludesReasoning(t: RawTokens): boolean {
  if (t.reasoning === 0) return true;
  if (t.reasoning > t.output) return false;
  if (t.total === null) return false;
  const base = t.input + t.cacheRead + t.cacheWrite + t.output;
  if (t.total === base + t.reasoning) return false;
  return t.total === base;
}

/**
 * Design §3 counts: `input` non-cached, `output` including reasoning, `reasoning` its subset.
 * OpenCode records no cache-write TTL: every write counts as 5-minute.
 */
export function unifiedTokens(t: RawTokens): TokenCounts {
  const output = outputIncludesReasoning(t) ? t.output : t.output + t.reasoning;
  return {
    input: t.input,
    output,
    cacheRead: t.cacheRead,
    cacheWrite5m: t.cacheWrite,
    cacheWrite1h: 0,
    reasoning: Math.min(t.reasoning, output),
  };
}
