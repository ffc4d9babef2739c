/**
 * Agents write ISO-8601 instants (`2025-07-12T22:12:00.572Z`); hand-edited or older files
 * drop the milliseconds or use an offset. We accept ISO-8601 date-times only (not whatever
 * `Date.parse` guesses at) and reject impossible dates that `Date` would silently roll over
 * (Feb 31, hour 24, second 60), so a placeholder (`[trimmed for fixture]`) becomes a
 * diagnostic instead of a wrong time.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Latest instant accepted: 9999-12-31T23:59:59.999Z. Earlier than 1970 is rejected too. */
const MAX_MS = 253_402_300_799_999;

export interface Instant {
  /** Epoch milliseconds. */
  ms: number;
  /** ISO-8601 UTC with milliseconds. */
  iso: string;
}

function instant(ms: number): Instant | null {
  // No coding agent predates 1970 or postdates 9999: such values are corrupt, not history.
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) return null;
  return { ms, iso: new Date(ms).toISOString() };
}

/** An ISO-8601 date-time as an instant (no zone means UTC), or null when it is not one. */
export function parseIsoTimestamp(value: unknown): Instant | null {
  if (typeof value !== 'string') return null;
  if (value.length === CANONICAL_LENGTH) {
    const canonical = parseCanonical(value);
    if (canonical !== undefined) return canonical;
  }
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
  return instant(local - offsetMinutes(m[8]) * 60_000);
}

/**
 * Epoch-millisecond dates (VS Code's `creationDate`, Cursor's `createdAt`). Zero and negative
 * values are what an unset field serialises to, so they are not instants.
 */
export function parseEpochMs(value: unknown): Instant | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  return instant(Math.trunc(value));
}

/** Length of `2025-07-12T22:12:00.572Z`, the form agents write and `toISOString` returns. */
const CANONICAL_LENGTH = 24;

/** Value of the two ASCII digits at `at`, or -1 when either is not a digit. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The fast path for the canonical form, which is nearly every timestamp agents write: checked
 * character by character, without the regex and without formatting a Date back, because the
 * canonical text already is the instant's `toISOString()` (the ISO of any year 1970–9999).
 * Undefined when `s` is not in that exact form (the general parser then decides); null when it
 * is but names an impossible date, exactly as the general parser would.
 */
function parseCanonical(s: string): Instant | null | undefined {
  if (
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 46 || // .
    s.charCodeAt(23) !== 90 // Z
  ) {
    return undefined;
  }
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  const millisHead = twoDigits(s, 20);
  const millisLast = s.charCodeAt(22) - 48;
  if ((century | yy | month | day | hour | minute | second | millisHead) < 0 || millisLast < 0 || millisLast > 9)
    return undefined;
  const year = century * 100 + yy;
  // Date.UTC would read years 0–99 as 19xx; no agent predates 1970 anyway (see instant()).
  if (year < 1970) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
    return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millisHead * 10 + millisLast);
  return { ms, iso: s };
}

/** Offset of the zone designator in minutes; no designator means UTC. */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}
