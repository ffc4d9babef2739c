// `@rimuru/core/schemas`: core's zod schemas, for code that validates untrusted input with them.
// Their own entry, so that importing `@rimuru/core` does not load zod.
import { z } from 'zod';
import { liteLLMEntrySchemaOf } from './pricing/litellm-schema.js';
import type { TokenCounts } from './tokens.js';

/** A {@link TokenCounts}: six non-negative integers. */
export const tokenCountsSchema = z.object({
  input: z.number().int().nonnegative(),
  output: z.number().int().nonnegative(),
  cacheRead: z.number().int().nonnegative(),
  cacheWrite5m: z.number().int().nonnegative(),
  cacheWrite1h: z.number().int().nonnegative(),
  reasoning: z.number().int().nonnegative(),
}) satisfies z.ZodType<TokenCounts>;

/** The cost fields of a LiteLLM price entry; other fields pass through. */
export const liteLLMEntrySchema = liteLLMEntrySchemaOf(z);
