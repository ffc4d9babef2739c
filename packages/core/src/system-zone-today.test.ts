import { afterEach, describe, expect, it } from 'vitest';
import { resolveTimeRange, systemZoneToday } from './time-range.js';
import { systemTimeZone } from './time-zone.js';

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('systemZoneToday', () => {
  // DST changes (Berlin at 02:00, São Paulo 2018 at midnight, so that day starts at 01:00), :30
  // and :45 offsets, a date-line zone, and UTC.
  const cases: [string, string[]][] = [
    ['Europe/Berlin', ['2025-03-30T12:00:00Z', '2025-10-26T00:30:00Z', '2025-10-25T22:30:00Z', '2025-07-01T21:59:59Z']],
    ['America/Sao_Paulo', ['2018-11-04T12:00:00Z', '2018-11-04T02:59:00Z', '2019-02-16T23:30:00Z']],
    ['Asia/Kolkata', ['2025-01-01T18:29:59Z', '2025-01-01T18:30:00Z']],
    ['America/St_Johns', ['2025-03-09T03:00:00Z', '2025-11-02T02:45:00Z']],
    ['Pacific/Chatham', ['2025-04-05T14:00:00Z', '2025-09-27T12:00:00Z']],
    ['Pacific/Kiritimati', ['2025-06-15T09:59:00Z', '2025-06-15T10:00:00Z']],
    ['UTC', ['2025-06-15T00:00:00Z', '2025-06-15T23:59:59.999Z']],
  ];

  it.each(cases)('is resolveTimeRange(today) of the process zone in %s', (zone, instants) => {
    process.env.TZ = zone;
    const system = systemTimeZone();
    expect(system === zone || zone === 'Asia/Kolkata').toBe(true); // ICU may name it Asia/Calcutta
    for (const iso of instants) {
      const now = new Date(iso);
      const today = resolveTimeRange('today', { zone: system, now });
      expect(systemZoneToday(now), `${zone} at ${iso}`).toEqual({ from: today.from, to: today.to });
    }
  });

  it('refuses an invalid instant', () => {
    expect(() => systemZoneToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});
