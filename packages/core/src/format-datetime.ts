import { lazyLuxon } from './on-demand.js';

/** `2026-11-25 14:02` in the given IANA zone: the table form of an instant. */
export function formatLocalDateTime(instant: Date, zone: string): string {
  return lazyLuxon().DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

/** `2026-11-25 14:02:07 +05:45`: the detail-view form, with the zone's offset. */
export function formatLocalDateTimeLong(instant: Date, zone: string): string {
  return lazyLuxon().DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm:ss ZZ');
}
