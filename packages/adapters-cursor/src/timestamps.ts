/** Earliest instant accepted (2000-01-01): smaller numbers are seconds, counters or garbage. */
const MIN_MS = Date.UTC(2000, 0, 1);
/** Latest instant accepted (2200-01-01): larger numbers are microseconds or garbage. */
const MAX_MS = Date.UTC(2200, 0, 1);

/**
 * An instant from Cursor's two timestamp shapes: epoch milliseconds (composers, timing info)
 * and ISO-8601 strings (bubbles). Anything else, or an implausible instant, is null.
 */
export function toEpochMs(value: unknown): number | null {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && value.trim() !== '') {
    ms = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
  } else return null;
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return null;
  return Math.trunc(ms);
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
