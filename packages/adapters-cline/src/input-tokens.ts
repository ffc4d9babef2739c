import type { InputRule } from './flavor.js';

/**
 * Cline provider ids whose handler reports OpenAI's `prompt_tokens` (cache included) as
 * `inputTokens` next to a cached count (classic Cline `src/core/api/providers/<id>.ts`):
 * for them the cache is split back out, as Cline's own `calculateApiCostOpenAI` does.
 * Every other handler already reports the uncached remainder.
 */
const CLINE_PROMPT_INCLUSIVE_PROVIDERS: ReadonlySet<string> = new Set([
  'openai',
  'openai-codex',
  'litellm',
  'requesty',
  'doubao',
  'fireworks',
  'hicap',
  'lmstudio',
  'oca',
  'qwen',
  'xai',
  'zai',
]);

export interface RawRequestTokens {
  tokensIn: number;
  cacheReads: number;
  cacheWrites: number;
}

export interface InputContext {
  /** Epoch ms of the request. */
  ts: number;
  /** Cline's provider id of the request, when known. */
  providerId: string | null;
  /** Roo / Kilo `apiProtocol` of the request, when recorded. */
  apiProtocol: string | null;
}

/** Whether `tokensIn` of this request includes its cache reads and writes. */
function tokensInIncludesCache(rule: InputRule, raw: RawRequestTokens, context: InputContext): boolean {
  const cached = raw.cacheReads + raw.cacheWrites;
  if (cached === 0) return false; // both readings agree: nothing to split out
  // A prompt can never be smaller than its cached part: then it is surely the remainder.
  if (raw.tokensIn < cached) return false;
  if (rule.kind === 'cline')
    return context.providerId !== null && CLINE_PROMPT_INCLUSIVE_PROVIDERS.has(context.providerId);
  if (context.ts >= rule.inclusiveSinceMs) return true;
  // Before the change only OpenAI-protocol requests carried the provider's whole prompt.
  return context.apiProtocol === 'openai';
}

/** Non-cached input of one request under the flavor's rule. */
export function nonCachedInput(rule: InputRule, raw: RawRequestTokens, context: InputContext): number {
  if (!tokensInIncludesCache(rule, raw, context)) return raw.tokensIn;
  return Math.max(0, raw.tokensIn - raw.cacheReads - raw.cacheWrites);
}
