import { UsageError } from './errors.js';

/**
 * Whether the runtime knows the IANA zone: the very test of luxon's `IANAZone.isValidZone`
 * (which zones luxon accepts is what matters), without loading luxon, so commands that do no
 * calendar arithmetic never load it.
 */
function isValidZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone `zone` if luxon knows it; a UsageError (code INVALID_TIMEZONE) otherwise. */
export function assertTimeZone(zone: string): string {
  const trimmed = zone.trim();
  if (trimmed === '' || !isValidZone(trimmed)) {
    throw new UsageError(`Invalid time zone "${zone}": expected an IANA zone such as Europe/Berlin or UTC`, {
      code: 'INVALID_TIMEZONE',
      suggestions: ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'],
    });
  }
  return trimmed;
}

/** The zone of this process (honours TZ); UTC when the runtime cannot say. */
export function systemTimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidZone(zone) ? zone : 'UTC';
}
