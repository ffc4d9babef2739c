import type { z as Zod } from 'zod';

/**
 * The cost fields of a LiteLLM `model_prices_and_context_window.json` entry (agent-formats §7.1),
 * built with the zod it is given: the price parser passes the one it loads on first use (see
 * on-demand.ts).
 */
export function liteLLMEntrySchemaOf(z: typeof Zod) {
  const usdPerToken = z.number().finite().nonnegative();
  const optionalUsd = usdPerToken.nullish();
  return z.looseObject({
    input_cost_per_token: usdPerToken,
    output_cost_per_token: usdPerToken,
    cache_creation_input_token_cost: optionalUsd,
    cache_creation_input_token_cost_above_1hr: optionalUsd,
    cache_read_input_token_cost: optionalUsd,
    input_cost_per_token_above_200k_tokens: optionalUsd,
    output_cost_per_token_above_200k_tokens: optionalUsd,
    cache_creation_input_token_cost_above_200k_tokens: optionalUsd,
    cache_creation_input_token_cost_above_1hr_above_200k_tokens: optionalUsd,
    cache_read_input_token_cost_above_200k_tokens: optionalUsd,
    provider_specific_entry: z.looseObject({ fast: z.number().finite().positive().nullish() }).nullish(),
  });
}

export type LiteLLMEntry = Zod.infer<ReturnType<typeof liteLLMEntrySchemaOf>>;
