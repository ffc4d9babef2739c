import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import {
  RANGE_NAMES,
  calendarWeekRange,
  isInTimeRange,
  isRangeName,
  parseDateBound,
  resolveTimeRange,
} from './time-range.js';

const at = (iso: string): Date => new Date(iso);
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const resolve = (name: string, zone: string, now: string) => {
  const r = resolveTimeRange(name, { zone, now: at(now) });
  return { name: r.name, from: iso(r.from), to: iso(r.to) };
};

function thrown(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('resolveTimeRange: calendar periods', () => {
  it('today and yesterday in UTC', () => {
    expect(resolve('today', 'UTC', '2026-03-10T15:00:00Z')).toEqual({
      name: 'today',
      from: '2026-03-10T00:00:00.000Z',
      to: '2026-03-11T00:00:00.000Z',
    });
    expect(resolve('yesterday', 'UTC', '2026-03-10T15:00:00Z')).toEqual({
      name: 'yesterday',
      from: '2026-03-09T00:00:00.000Z',
      to: '2026-03-10T00:00:00.000Z',
    });
  });

  it('takes the local day of a :30 zone (Asia/Kolkata, +05:30)', () => {
    // 20:00 UTC on the 10th is already 01:30 on the 11th in Kolkata.
    expect(resolve('today', 'Asia/Kolkata', '2026-03-10T20:00:00Z')).toMatchObject({
      from: '2026-03-10T18:30:00.000Z',
      to: '2026-03-11T18:30:00.000Z',
    });
    expect(resolve('yesterday', 'Asia/Kolkata', '2026-03-10T20:00:00Z')).toMatchObject({
      from: '2026-03-09T18:30:00.000Z',
      to: '2026-03-10T18:30:00.000Z',
    });
  });

  it('takes the local day of a :45 zone (Asia/Kathmandu, +05:45)', () => {
    expect(resolve('today', 'Asia/Kathmandu', '2026-03-10T18:14:59Z')).toMatchObject({
      from: '2026-03-09T18:15:00.000Z',
      to: '2026-03-10T18:15:00.000Z',
    });
    expect(resolve('today', 'Asia/Kathmandu', '2026-03-10T18:15:00Z')).toMatchObject({
      from: '2026-03-10T18:15:00.000Z',
      to: '2026-03-11T18:15:00.000Z',
    });
  });

  it('gives a spring-forward day 23 hours and a fall-back day 25 hours', () => {
    // New York: DST starts 2026-03-08, ends 2026-11-01.
    const spring = resolveTimeRange('today', { zone: 'America/New_York', now: at('2026-03-08T18:00:00Z') });
    expect(iso(spring.from)).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(spring.to)).toBe('2026-03-09T04:00:00.000Z');
    expect(spring.to!.getTime() - spring.from!.getTime()).toBe(23 * 3600_000);

    const fall = resolveTimeRange('today', { zone: 'America/New_York', now: at('2026-11-01T18:00:00Z') });
    expect(fall.to!.getTime() - fall.from!.getTime()).toBe(25 * 3600_000);

    const afterFall = resolveTimeRange('yesterday', { zone: 'America/New_York', now: at('2026-11-02T12:00:00Z') });
    expect(iso(afterFall.from)).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(afterFall.to)).toBe('2026-11-02T05:00:00.000Z');
  });

  it('starts a day without a local midnight at its first existing instant', () => {
    // Sao Paulo 2018-11-04: clocks jumped from 00:00 to 01:00 (-03:00 → -02:00).
    const r = resolveTimeRange('today', { zone: 'America/Sao_Paulo', now: at('2018-11-04T15:00:00Z') });
    expect(iso(r.from)).toBe('2018-11-04T03:00:00.000Z');
    expect(iso(r.to)).toBe('2018-11-05T02:00:00.000Z');
  });

  it('thismonth and lastmonth follow the zone, across a year boundary', () => {
    expect(resolve('thismonth', 'UTC', '2026-01-15T10:00:00Z')).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
    });
    expect(resolve('lastmonth', 'UTC', '2026-01-15T10:00:00Z')).toMatchObject({
      from: '2025-12-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    // 2026-02-28T20:00Z is already March 1st in Kolkata.
    expect(resolve('thismonth', 'Asia/Kolkata', '2026-02-28T20:00:00Z')).toMatchObject({
      from: '2026-02-28T18:30:00.000Z',
      to: '2026-03-31T18:30:00.000Z',
    });
    expect(resolve('lastmonth', 'Asia/Kolkata', '2026-02-28T20:00:00Z')).toMatchObject({
      from: '2026-01-31T18:30:00.000Z',
      to: '2026-02-28T18:30:00.000Z',
    });
  });
});

describe('resolveTimeRange: rolling windows and all', () => {
  it('7d/week and 30d/month end now (open upper bound)', () => {
    const now = '2026-03-20T12:34:56.789Z';
    expect(resolve('7d', 'UTC', now)).toEqual({ name: '7d', from: '2026-03-13T12:34:56.789Z', to: null });
    expect(resolve('week', 'UTC', now)).toEqual({ name: 'week', from: '2026-03-13T12:34:56.789Z', to: null });
    expect(resolve('30d', 'UTC', now)).toEqual({ name: '30d', from: '2026-02-18T12:34:56.789Z', to: null });
    expect(resolve('month', 'UTC', now)).toEqual({ name: 'month', from: '2026-02-18T12:34:56.789Z', to: null });
  });

  it('counts rolling days as calendar days in the zone (same wall time across DST)', () => {
    // 2026-03-10 12:00 New York (EDT, -04:00) → 7 days earlier 12:00 EST (-05:00).
    expect(resolve('7d', 'America/New_York', '2026-03-10T16:00:00Z').from).toBe('2026-03-03T17:00:00.000Z');
  });

  it('all is unbounded', () => {
    expect(resolve('all', 'Asia/Kathmandu', '2026-03-10T00:00:00Z')).toEqual({ name: 'all', from: null, to: null });
  });

  it('accepts names case-insensitively', () => {
    expect(resolve(' Today ', 'UTC', '2026-03-10T15:00:00Z').name).toBe('today');
  });
});

describe('resolveTimeRange: errors', () => {
  it('rejects an unknown range with INVALID_RANGE and a one-line list of valid names', () => {
    const e = thrown(() => resolveTimeRange('fortnight', { zone: 'UTC', now: at('2026-03-10T00:00:00Z') }));
    expect(e.code).toBe('INVALID_RANGE');
    expect(e.exitCode).toBe(2);
    expect(e.message).not.toContain('\n');
    for (const name of RANGE_NAMES) expect(e.message).toContain(name);
    expect(e.message).toContain('fortnight');
  });

  it('rejects an invalid zone with INVALID_TIMEZONE', () => {
    const e = thrown(() => resolveTimeRange('today', { zone: 'Nowhere/Land', now: at('2026-03-10T00:00:00Z') }));
    expect(e.code).toBe('INVALID_TIMEZONE');
  });

  it('rejects an invalid clock', () => {
    expect(() => resolveTimeRange('today', { zone: 'UTC', now: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('isRangeName / isInTimeRange', () => {
  it('knows the names', () => {
    expect(isRangeName('lastmonth')).toBe(true);
    expect(isRangeName('LASTMONTH')).toBe(false);
  });
  it('is half-open', () => {
    const r = { from: at('2026-01-01T00:00:00Z'), to: at('2026-01-02T00:00:00Z') };
    expect(isInTimeRange(at('2026-01-01T00:00:00Z'), r)).toBe(true);
    expect(isInTimeRange(at('2026-01-01T23:59:59.999Z'), r)).toBe(true);
    expect(isInTimeRange(at('2026-01-02T00:00:00Z'), r)).toBe(false);
    expect(isInTimeRange(at('2025-12-31T23:59:59.999Z'), r)).toBe(false);
    expect(isInTimeRange(at('1970-01-01T00:00:00Z'), { from: null, to: null })).toBe(true);
  });
});

describe('calendarWeekRange', () => {
  it('starts on Monday in the zone', () => {
    // 2026-03-15 is a Sunday.
    const r = calendarWeekRange(at('2026-03-15T12:00:00Z'), 'UTC');
    expect(iso(r.from)).toBe('2026-03-09T00:00:00.000Z');
    expect(iso(r.to)).toBe('2026-03-16T00:00:00.000Z');
  });
  it('uses the local date: Sunday evening UTC is Monday in Kathmandu', () => {
    const r = calendarWeekRange(at('2026-03-15T20:00:00Z'), 'Asia/Kathmandu');
    expect(iso(r.from)).toBe('2026-03-15T18:15:00.000Z');
    expect(iso(r.to)).toBe('2026-03-22T18:15:00.000Z');
  });
  it('is 167 hours long across spring-forward (Sunday 2026-03-08 in New York)', () => {
    const r = calendarWeekRange(at('2026-03-05T12:00:00Z'), 'America/New_York');
    expect(r.to.getTime() - r.from.getTime()).toBe(167 * 3600_000);
  });
});

describe('parseDateBound', () => {
  it('a date as since is the start of that local day', () => {
    expect(iso(parseDateBound('2026-03-10', 'since', 'UTC'))).toBe('2026-03-10T00:00:00.000Z');
    expect(iso(parseDateBound('2026-03-10', 'since', 'Asia/Kolkata'))).toBe('2026-03-09T18:30:00.000Z');
  });
  it('a date as until is the exclusive end of that local day', () => {
    expect(iso(parseDateBound('2026-03-10', 'until', 'UTC'))).toBe('2026-03-11T00:00:00.000Z');
    expect(iso(parseDateBound('2026-03-10', 'until', 'Asia/Kathmandu'))).toBe('2026-03-10T18:15:00.000Z');
    // Spring-forward day in New York: 23 hours.
    expect(iso(parseDateBound('2026-03-08', 'until', 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
  });
  it('a full instant is taken as is, whatever the bound', () => {
    expect(iso(parseDateBound('2026-03-10T12:00:00Z', 'since', 'Asia/Kolkata'))).toBe('2026-03-10T12:00:00.000Z');
    expect(iso(parseDateBound('2026-03-10T12:00:00+05:45', 'until', 'UTC'))).toBe('2026-03-10T06:15:00.000Z');
    expect(iso(parseDateBound('2026-03-10T12:00:00.250Z', 'until', 'UTC'))).toBe('2026-03-10T12:00:00.250Z');
  });
  it("ccusage's compact YYYYMMDD is the same day", () => {
    expect(iso(parseDateBound('20260310', 'since', 'Asia/Kolkata'))).toBe('2026-03-09T18:30:00.000Z');
    expect(iso(parseDateBound('20260310', 'until', 'UTC'))).toBe('2026-03-11T00:00:00.000Z');
    expect(thrown(() => parseDateBound('20261310', 'since', 'UTC')).code).toBe('INVALID_DATE');
  });
  it('a date-time without offset is local time in the zone', () => {
    expect(iso(parseDateBound('2026-03-10T12:00', 'since', 'Asia/Kolkata'))).toBe('2026-03-10T06:30:00.000Z');
  });
  it('rejects anything else with INVALID_DATE', () => {
    for (const bad of ['', 'yesterday', '2026-02-30', '2026-13-01', '10/03/2026', '2026-3-1', '2026-03-10T25:00Z']) {
      const e = thrown(() => parseDateBound(bad, 'since', 'UTC'));
      expect(e.code).toBe('INVALID_DATE');
      expect(e.exitCode).toBe(2);
    }
  });
  it('rejects an invalid zone', () => {
    expect(thrown(() => parseDateBound('2026-03-10', 'since', 'Bad/Zone')).code).toBe('INVALID_TIMEZONE');
  });
});
