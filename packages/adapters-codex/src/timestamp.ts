/**
 * Codex writes RFC 3339 instants with milliseconds and `Z` (`2026-02-23T11:40:29.275Z`).
 * We accept ISO-8601 date-times with or without fraction and zone, and reject impossible
 * dates that `Date` would silently roll over (Feb 31, hour 24), so a hand-edited or
 * placeholder value (`[trimmed for fixture]`) becomes a diagnostic instead of a wrong time.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Latest plausible instant (9999-12-31T23:59:59.999Z). */
const MAX_MS = 253_402_300_799_999;

export interface ParsedTimestamp {
  ms: number;
  /** ISO UTC with milliseconds. */
  iso: string;
  /**
   * The instant's UTC second (`2026-02-23T11:40:29`): the grain at which a thread_spawn
   * child replays its parent's token counts.
   */
  second: string;
}

export function parseTimestamp(value: unknown): ParsedTimestamp | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE_TIME.exec(value.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return null;
  }
  const ms = local - offsetMinutes(m[8]) * 60_000;
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) return null;
  const iso = new Date(ms).toISOString();
  return { ms, iso, second: iso.slice(0, 19) };
}

/** Offset of the zone designator in minutes; no designator means UTC (Codex only writes `Z`). */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}
