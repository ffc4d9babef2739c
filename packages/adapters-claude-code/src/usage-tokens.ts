import { isRecord } from '@rimuru/adapter-kit';
import type { TokenCounts } from '@rimuru/core';

export type TokenParse = { ok: true; tokens: TokenCounts } | { ok: false; reason: string };

type Fields = Record<string, unknown>;

/**
 * One token field. Absent counts as 0 (old builds omit the cache fields); anything present
 * must be a non-negative safe integer: we refuse to invent numbers out of strings, floats,
 * negatives or nulls.
 */
function field(source: Fields, name: string, problems: string[]): number {
  const value = source[name];
  if (value === undefined) return 0;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  problems.push(`${name}=${JSON.stringify(value)}`);
  return 0;
}

/**
 * Maps Anthropic `message.usage` to unified token classes. `input_tokens` is already
 * non-cached. Cache writes: the nested `cache_creation{ephemeral_5m,ephemeral_1h}` split when
 * present (the TTLs are priced differently), else the flat total as 5-minute writes.
 * Claude does not report reasoning apart from output, so reasoning is 0.
 */
export function parseUsageTokens(usage: unknown): TokenParse {
  if (!isRecord(usage)) return { ok: false, reason: 'message.usage is not an object' };
  if (usage['input_tokens'] === undefined && usage['output_tokens'] === undefined) {
    return { ok: false, reason: 'message.usage has neither input_tokens nor output_tokens' };
  }
  const problems: string[] = [];
  const input = field(usage, 'input_tokens', problems);
  const output = field(usage, 'output_tokens', problems);
  const cacheRead = field(usage, 'cache_read_input_tokens', problems);
  const flatWrite = field(usage, 'cache_creation_input_tokens', problems);
  let cacheWrite5m = flatWrite;
  let cacheWrite1h = 0;
  const nested = usage['cache_creation'];
  if (
    isRecord(nested) &&
    (nested['ephemeral_5m_input_tokens'] !== undefined || nested['ephemeral_1h_input_tokens'] !== undefined)
  ) {
    cacheWrite5m = field(nested, 'ephemeral_5m_input_tokens', problems);
    cacheWrite1h = field(nested, 'ephemeral_1h_input_tokens', problems);
  }
  if (problems.length > 0) return { ok: false, reason: `invalid token counts: ${problems.join(', ')}` };
  return { ok: true, tokens: { input, output, cacheRead, cacheWrite5m, cacheWrite1h, reasoning: 0 } };
}
