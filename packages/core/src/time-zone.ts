import { IANAZone } from 'luxon';
import { UsageError } from './errors.js';

/** The IANA zone `zone` if luxon knows it; a UsageError (code INVALID_TIMEZONE) otherwise. */
export function assertTimeZone(zone: string): string {
  const trimmed = zone.trim();
  if (trimmed === '' || !IANAZone.isValidZone(trimmed)) {
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
  return zone && IANAZone.isValidZone(zone) ? zone : 'UTC';
}
