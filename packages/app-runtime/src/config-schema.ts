import { z } from 'zod';

// The config file's schema. Only loaded when a config file exists (see loadConfig): zod's
// import is a large share of a command's start-up, and most machines have no config file.

const usdPerMillion = z.union([z.number().finite().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);

/** One user price, USD per million tokens: `{ "input": 3, "output": 15, "cacheRead": 0.3 }`. */
const priceOverrideSchema = z.object({
  input: usdPerMillion,
  output: usdPerMillion,
  cacheRead: usdPerMillion.optional(),
  cacheWrite: usdPerMillion.optional(),
  cacheWrite1h: usdPerMillion.optional(),
});

/** One plan of an agent type: `{ "plan": "claude-max-20x", "since": "2026-01-01" }`. */
const planSettingSchema = z
  .object({
    plan: z.string().min(1),
    monthlyUsd: z.number().finite().nonnegative().optional(),
    since: z.string().min(1),
    until: z.string().min(1).optional(),
  })
  .strict();

/**
 * `$XDG_CONFIG_HOME/rimuru/config.json`; every key optional. The CLI and the TUI both read it
 * through this one schema, so a key one app accepts never makes the other refuse the file.
 */
export const configSchema = z
  .object({
    db: z.string().min(1).optional(),
    timezone: z.string().min(1).optional(),
    activeWindowMinutes: z.number().positive().optional(),
    /**
     * User prices (negotiated rates, models LiteLLM lacks) in USD per MILLION tokens, keyed by
     * model name (matched with the same name rules as synced prices); they win over synced ones.
     * Omitted cache classes get the defaults: read = input, write = 1.25× input, 1h write = 2× input.
     */
    prices: z.record(z.string().min(1), priceOverrideSchema).optional(),
    /** Extra data roots per agent (a second Claude config dir, a folder synced from another machine). */
    roots: z
      .object({
        'claude-code': z.array(z.string().min(1)).optional(),
        codex: z.array(z.string().min(1)).optional(),
        copilot: z.array(z.string().min(1)).max(1).optional(),
      })
      .strict()
      .optional(),
    /**
     * Subscriptions per agent type (core's PlansConfig): a preset id (`claude-max-20x`) or a
     * name of one's own with `monthlyUsd`, from `since`; a list when the plan changed over time.
     * Shown beside API-equivalent cost; never changes a session's cost.
     */
    plans: z.record(z.string().min(1), z.union([planSettingSchema, z.array(planSettingSchema).min(1)])).optional(),
    /** Team mode: the shared PostgreSQL server `rimuru push` replicates to. */
    team: z
      .object({
        url: z
          .string()
          .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
          .optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough();

export type RimuruConfig = z.infer<typeof configSchema>;
