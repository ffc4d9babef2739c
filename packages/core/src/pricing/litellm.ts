import { isRecord } from '../json-record.js';
import { lazyZod } from '../on-demand.js';
import { liteLLMEntrySchemaOf, type LiteLLMEntry } from './litellm-schema.js';
import { createModelPrice, type ModelPrice } from './model-price.js';
import { createPriceTable, type PriceTable } from './price-table.js';

export type { LiteLLMEntry };

/** LiteLLM's documentation entry, not a model. */
const SAMPLE_SPEC_KEY = 'sample_spec';

let entrySchema: ReturnType<typeof liteLLMEntrySchemaOf> | undefined;

/** Built on first use: zod loads only when a price file is parsed. */
function liteLLMEntrySchema(): ReturnType<typeof liteLLMEntrySchemaOf> {
  entrySchema ??= liteLLMEntrySchemaOf(lazyZod());
  return entrySchema;
}

export function modelPriceFromLiteLLMEntry(entry: LiteLLMEntry): ModelPrice {
  return createModelPrice({
    input: entry.input_cost_per_token,
    output: entry.output_cost_per_token,
    cacheWrite5m: entry.cache_creation_input_token_cost,
    cacheWrite1h: entry.cache_creation_input_token_cost_above_1hr,
    cacheRead: entry.cache_read_input_token_cost,
    inputAbove200k: entry.input_cost_per_token_above_200k_tokens,
    outputAbove200k: entry.output_cost_per_token_above_200k_tokens,
    cacheWrite5mAbove200k: entry.cache_creation_input_token_cost_above_200k_tokens,
    cacheWrite1hAbove200k: entry.cache_creation_input_token_cost_above_1hr_above_200k_tokens,
    cacheReadAbove200k: entry.cache_read_input_token_cost_above_200k_tokens,
    fastMultiplier: entry.provider_specific_entry?.fast ?? null,
  });
}

interface SkippedPriceEntry {
  key: string;
  reason: 'sample-spec' | 'no-token-price' | 'invalid';
  message: string;
}

export interface ParsedLiteLLMPrices {
  prices: Map<string, ModelPrice>;
  /** Entries left out, so a price sync can report them instead of dropping them silently. */
  skipped: SkippedPriceEntry[];
}

/**
 * Reads the parsed LiteLLM price file. Keeps entries with both an input and an output price per
 * token; skips `sample_spec`, entries priced otherwise (per image, per second) and malformed ones.
 */
export function parseLiteLLMPrices(json: Record<string, unknown>): ParsedLiteLLMPrices {
  const prices = new Map<string, ModelPrice>();
  const skipped: SkippedPriceEntry[] = [];
  for (const key of Object.keys(json).sort()) {
    const raw = json[key];
    if (key === SAMPLE_SPEC_KEY) {
      skipped.push({ key, reason: 'sample-spec', message: 'documentation entry' });
      continue;
    }
    if (!isRecord(raw) || raw.input_cost_per_token === undefined || raw.output_cost_per_token === undefined) {
      skipped.push({ key, reason: 'no-token-price', message: 'no input and output price per token' });
      continue;
    }
    const parsed = liteLLMEntrySchema().safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push({
        key,
        reason: 'invalid',
        message: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid entry',
      });
      continue;
    }
    prices.set(key, modelPriceFromLiteLLMEntry(parsed.data));
  }
  return { prices, skipped };
}

/** A price table over a parsed LiteLLM price file; bad or non-token entries are left out. */
export function priceTableFromLiteLLM(json: Record<string, unknown>, source: string): PriceTable {
  return createPriceTable(parseLiteLLMPrices(json).prices, source);
}
