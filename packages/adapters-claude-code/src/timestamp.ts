/**
 * Claude Code writes `2025-07-12T22:12:00.572Z`; hand-edited or older files drop the
 * milliseconds or use an offset. We accept ISO-8601 date-times only (not whatever
 * `Date.parse` guesses at) and reject impossible dates that `Date` would silently roll over
 * (Feb 31, hour 24, second 60).
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export interface ParsedTimestamp {
  ms: number;
  iso: string;
}

/** A timestamp as epoch ms and ISO UTC with milliseconds, or null when it is not a valid instant. */
export function parseTimestamp(value: string): ParsedTimestamp | null {
  const m = ISO_DATE_TIME.exec(value);
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
  // Years before 1970 or after 9999 cannot be real transcript times (Claude Code is from 2025).
  if (!Number.isFinite(ms) || ms < 0 || ms > 253_402_300_799_999) return null;
  return { ms, iso: new Date(ms).toISOString() };
}

/** Offset of the zone designator in minutes; no designator means UTC (Claude only writes `Z`). */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}
