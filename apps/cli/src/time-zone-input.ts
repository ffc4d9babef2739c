import { assertTimeZone, isRimuruError, UsageError } from '@rimuru/core';
import { closestValues } from './suggest.js';

/** Every IANA zone the runtime knows, UTC included. */
function knownZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}

/**
 * A time zone typed by the user (`where` says where: `--timezone`, `the config's timezone`),
 * checked; a misspelt one gets the closest zones ("Europe/Pari": did you mean Europe/Paris?).
 */
export function checkTimeZone(input: string, where: string): string {
  try {
    return assertTimeZone(input);
  } catch (error) {
    if (!isRimuruError(error) || error.code !== 'INVALID_TIMEZONE') throw error;
    const close = closestValues(input, knownZones());
    const help =
      close.length > 0
        ? `did you mean ${close.join(' or ')}?`
        : 'expected an IANA zone such as Europe/Berlin, America/New_York or UTC';
    throw new UsageError(`Unknown time zone "${input}" in ${where}: ${help}`, { code: 'INVALID_TIMEZONE' });
  }
}
