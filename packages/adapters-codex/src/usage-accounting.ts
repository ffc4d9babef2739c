import { addUsage, grewFrom, isZeroUsage, sameUsage, subtractUsage, type RawUsage } from './token-usage.js';

/** What one `token_count` event contributes, given the running cumulative total before it. */
export type Accounting =
  /** The cumulative total did not move: a UI / rate-limit refresh, not a request. */
  | { kind: 're-emit'; total: RawUsage }
  /** Moved, but by nothing billable (all-zero delta). */
  | { kind: 'zero'; total: RawUsage }
  | { kind: 'count'; delta: RawUsage; total: RawUsage; reason: 'first' | 'advanced' | 'reset' | 'last-only' };

/**
 * The accounting rules of agent-formats §2.4. `total_token_usage` is cumulative per Codex
 * process and is the authority: an event counts only when it moved, by exactly how far it
 * moved (this also drops the exact re-emits Codex Desktop writes after about half of its
 * events). A total that went down means a resumed or compacted process restarted its
 * counter, and so does a total equal to the event's own `last_token_usage` after an earlier,
 * different total: that event's `last_token_usage` (else its total, the usage since the
 * restart) is what it billed. Without a previous total the first event counts its `last` (or total).
 * Events with only `last_token_usage` cannot be checked for re-emits: they count as written
 * and extend a synthetic running total so that keys stay distinct.
 */
export function accountTokenCount(
  prev: RawUsage | null,
  total: RawUsage | null,
  last: RawUsage | null,
): Accounting | null {
  if (total === null) {
    if (last === null) return null;
    const running = prev === null ? last : addUsage(prev, last);
    return isZeroUsage(last)
      ? { kind: 'zero', total: running }
      : { kind: 'count', delta: last, total: running, reason: 'last-only' };
  }
  let delta: RawUsage;
  let reason: 'first' | 'advanced' | 'reset';
  if (prev === null) {
    delta = last ?? total;
    reason = 'first';
  } else if (sameUsage(total, prev)) {
    return { kind: 're-emit', total };
  } else if (grewFrom(total, prev) && !(last !== null && sameUsage(total, last))) {
    delta = subtractUsage(total, prev);
    reason = 'advanced';
  } else {
    // Went down, or a cumulative total equal to its own latest request: a new process whose
    // counter started with this request (`codex exec resume` runs each turn as a new process,
    // and its first total can exceed the old one).
    delta = last ?? total;
    reason = 'reset';
  }
  return isZeroUsage(delta) ? { kind: 'zero', total } : { kind: 'count', delta, total, reason };
}
