import { describe, expect, it } from 'vitest';
import { bucketLookup, bucketOf, parseWeekStart } from './buckets.js';

describe('bucketOf', () => {
  it('puts the last millisecond before local midnight and midnight itself on different days (:45 zone)', () => {
    // Asia/Kathmandu is UTC+05:45: local midnight of 2025-03-10 is 2025-03-09T18:15Z.
    const before = bucketOf(new Date('2025-03-09T18:14:59.999Z'), { period: 'daily', zone: 'Asia/Kathmandu' });
    const at = bucketOf(new Date('2025-03-09T18:15:00.000Z'), { period: 'daily', zone: 'Asia/Kathmandu' });
    expect(before.key).toBe('2025-03-09');
    expect(at.key).toBe('2025-03-10');
    expect(at.start.toISOString()).toBe('2025-03-09T18:15:00.000Z');
    expect(at.end.toISOString()).toBe('2025-03-10T18:15:00.000Z');
  });

  it('gives DST days their real length (23 h in spring, 25 h in autumn)', () => {
    const spring = bucketOf(new Date('2025-03-09T12:00:00Z'), { period: 'daily', zone: 'America/Los_Angeles' });
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const autumn = bucketOf(new Date('2025-11-02T12:00:00Z'), { period: 'daily', zone: 'America/Los_Angeles' });
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
    expect(autumn.start.toISOString()).toBe('2025-11-02T07:00:00.000Z');
  });

  it('starts weeks on the chosen day, in the zone', () => {
    // 2025-03-09 is a Sunday.
    const instant = new Date('2025-03-09T10:00:00Z');
    expect(bucketOf(instant, { period: 'weekly', zone: 'UTC' }).key).toBe('2025-03-03');
    expect(bucketOf(instant, { period: 'weekly', zone: 'UTC', startOfWeek: 'sunday' }).key).toBe('2025-03-09');
    expect(bucketOf(instant, { period: 'weekly', zone: 'UTC', startOfWeek: 'wednesday' }).key).toBe('2025-03-05');
    // Sunday 10:00Z is still Sunday 03:00 in Los Angeles, but Sunday 19:00 in Tokyo.
    const la = bucketOf(instant, { period: 'weekly', zone: 'America/Los_Angeles', startOfWeek: 'sunday' });
    expect(la.key).toBe('2025-03-09');
    expect(la.end.getTime() - la.start.getTime()).toBe(7 * 24 * 3_600_000 - 3_600_000);
  });

  it('names months and bounds them at local midnight', () => {
    const b = bucketOf(new Date('2025-02-28T18:30:00Z'), { period: 'monthly', zone: 'Asia/Kolkata' });
    expect(b.key).toBe('2025-03');
    expect(b.start.toISOString()).toBe('2025-02-28T18:30:00.000Z');
    expect(b.end.toISOString()).toBe('2025-03-31T18:30:00.000Z');
  });

  it('rejects unknown zones and week starts as usage errors', () => {
    expect(() => bucketOf(new Date(), { period: 'daily', zone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => parseWeekStart('funday')).toThrow(/start of week/);
    expect(parseWeekStart(' Sunday ')).toBe('sunday');
    expect(bucketOf(new Date('2025-01-01T00:00:00Z'), { period: 'daily', zone: 'America/Los_Angeles' }).key).toBe(
      '2024-12-31',
    );
  });

  it('looks buckets up in any order, each the one bucketOf gives', () => {
    const lookup = bucketLookup({ period: 'weekly', zone: 'America/St_Johns', startOfWeek: 'sunday' });
    const instants = [9, 2, 30, 1, 9, 15, 0, 31].map(
      (d) => new Date(Date.parse('2025-03-01T03:29:59.999Z') + d * 86_400_000),
    );
    for (const instant of instants) {
      expect(lookup(instant)).toEqual(
        bucketOf(instant, { period: 'weekly', zone: 'America/St_Johns', startOfWeek: 'sunday' }),
      );
    }
    expect(() => bucketLookup({ period: 'daily', zone: 'Mars/Olympus' })).toThrow(/time zone/);
  });
});
