import { parseDateBound, resolveTimeRange, type TimeRange } from '@rimuru/core';

/** The --range, --since and --until a command was given (range: whether typed or its default). */
export interface WindowInput {
  range: string;
  rangeGiven: boolean;
  since?: string;
  until?: string;
}

/** A time range with the bounds typed, and how to name it in a title. */
export interface TimeWindow {
  range: TimeRange;
  label: string;
}

/**
 * --range narrowed by --since/--until (the later start, the earlier end). Given only bounds, as
 * ccusage users type them (`--since 20250101`), the range is `all` rather than the command's
 * default: "since January" means up to now, not the last 7 days of it.
 */
export function resolveWindow(input: WindowInput, settings: { zone: string; now: Date }): TimeWindow {
  const bounded = input.since !== undefined || input.until !== undefined;
  const name = bounded && !input.rangeGiven ? 'all' : input.range;
  const range = resolveTimeRange(name, { zone: settings.zone, now: settings.now });
  let { from, to } = range;
  if (input.since !== undefined) {
    const since = parseDateBound(input.since, 'since', settings.zone);
    if (from === null || since > from) from = since;
  }
  if (input.until !== undefined) {
    const until = parseDateBound(input.until, 'until', settings.zone);
    if (to === null || until < to) to = until;
  }
  const label = bounded
    ? `${input.rangeGiven ? `${range.name}, ` : ''}${input.since ?? 'the start'} to ${input.until ?? 'now'}`
    : range.name;
  return { range: { ...range, from, to }, label };
}
