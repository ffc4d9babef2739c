import { COST_MODES, parseDateBound, RANGE_NAMES, resolveTimeRange, UsageError, type CostMode } from '@rimuru/core';
import { arrayOf, described, enumOf, string, type JsonSchema } from './json-schema.js';

/** Arguments every tool that answers in a zone and a cost mode takes. */
export interface ViewArgs {
  timezone?: string;
  costMode?: CostMode;
}

/** A time window given as a named range or as since/until (never both). */
export interface WindowArgs {
  range?: string;
  since?: string;
  until?: string;
}

export const viewInputs = {
  timezone: described(
    string,
    'IANA time zone for dates and ranges, e.g. Europe/Berlin (default: the configured or system zone)',
  ),
  costMode: enumOf(
    COST_MODES,
    'auto: recorded cost where the agent wrote one, else calculated (default); calculate; recorded',
  ),
} satisfies Record<keyof ViewArgs, JsonSchema>;

export const windowInputs = {
  range: enumOf(RANGE_NAMES, 'Named time range in the time zone; not with since/until'),
  since: described(string, 'First local day (YYYY-MM-DD) or ISO-8601 instant'),
  until: described(string, 'Last local day (YYYY-MM-DD, inclusive) or ISO-8601 instant (exclusive)'),
} satisfies Record<keyof WindowArgs, JsonSchema>;

export const agentTypeInput = described(
  arrayOf(string),
  'Only these agent types (claude-code, codex, gemini-cli, opencode, cursor, … — see `rimuru agents`)',
);

/** Instants [from, to) of a window; unbounded sides are undefined. */
export interface Bounds {
  from?: Date;
  to?: Date;
}

/**
 * The instants of a window in `zone` at `now`: a named range as the CLI's `--range`, since/until
 * as its `--since`/`--until`; with neither, `fallbackRange` (or unbounded).
 */
export function boundsOf(args: WindowArgs, zone: string, now: Date, fallbackRange?: string): Bounds {
  if (args.range !== undefined && (args.since !== undefined || args.until !== undefined)) {
    throw new UsageError('Give either range or since/until, not both');
  }
  const rangeName = args.range ?? (args.since === undefined && args.until === undefined ? fallbackRange : undefined);
  if (rangeName !== undefined) {
    const range = resolveTimeRange(rangeName, { zone, now });
    return { from: range.from ?? undefined, to: range.to ?? undefined };
  }
  return {
    from: args.since === undefined ? undefined : parseDateBound(args.since, 'since', zone),
    to: args.until === undefined ? undefined : parseDateBound(args.until, 'until', zone),
  };
}
