import type { AdapterContext } from '@rimuru/core';

/**
 * What `tokensIn` of an `api_req_started` record means, which differs by vendor and date
 * (see README "Token semantics"):
 * - `cline`: the uncached remainder (Cline's disjoint buckets), except for the provider ids
 *   whose handler passes an OpenAI-style `prompt_tokens` (cache included) together with a
 *   cached count.
 * - `roo`: the whole prompt (input + cache reads + cache writes) from `inclusiveSinceMs` on
 *   (Roo Code 3.29.5 / Kilo Code 4.119.0); before it, Anthropic-protocol requests recorded the
 *   uncached remainder.
 */
export type InputRule = { kind: 'cline' } | { kind: 'roo'; inclusiveSinceMs: number };

/** Where the model of a request comes from. */
type ModelSource =
  /** Cline: the message's `modelInfo`, `task_metadata.json` `model_usage`, the history item's `modelId`. */
  | 'cline-metadata'
  /** Roo / Kilo: `<model>…</model>` in the environment details of `api_conversation_history.json`. */
  | 'environment-details';

/** One member of the Cline family: the same task-folder format under another extension id. */
export interface ClineFamilyFlavor {
  /** Agent type id (`cline`, `roo-code`, `kilo-code`). */
  id: string;
  label: string;
  /** VS Code extension id, the folder under `globalStorage/`. */
  extensionId: string;
  /**
   * Comma-separated list of storage folders (each holding `tasks/`, or the `tasks/` folder
   * itself) that replaces every default location when set.
   */
  overrideEnvVar: string;
  /** Storage folders outside VS Code's `globalStorage` (Cline's `~/.cline/data`), checked too. */
  extraStorageDirs?: (ctx: AdapterContext) => string[];
  inputRule: InputRule;
  modelSource: ModelSource;
}
