import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeTiers, type Span } from './summary-tiers.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const d = (iso: string) => new Date(iso);

describe('rangeTiers', () => {
  it('splits a range into whole UTC days, whole hours, and partial hours at its ends', () => {
    expect(rangeTiers(d('2026-03-01T10:20:00.000Z'), d('2026-03-04T05:30:00.500Z'))).toEqual({
      days: { from: d('2026-03-02T00:00:00.000Z'), to: d('2026-03-04T00:00:00.000Z') },
      hours: [
        { from: d('2026-03-01T11:00:00.000Z'), to: d('2026-03-02T00:00:00.000Z') },
        { from: d('2026-03-04T00:00:00.000Z'), to: d('2026-03-04T05:00:00.000Z') },
      ],
      records: [
        { from: d('2026-03-01T10:20:00.000Z'), to: d('2026-03-01T11:00:00.000Z') },
        { from: d('2026-03-04T05:00:00.000Z'), to: d('2026-03-04T05:30:00.500Z') },
      ],
    });
    expect(rangeTiers()).toEqual({ days: { from: undefined, to: undefined }, hours: [], records: [] });
    expect(rangeTiers(d('2026-03-01T10:20:00.000Z'), d('2026-03-01T10:50:00.000Z'))).toEqual({
      days: null,
      hours: [],
      records: [{ from: d('2026-03-01T10:20:00.000Z'), to: d('2026-03-01T10:50:00.000Z') }],
    });
    expect(rangeTiers(undefined, d('2026-03-01T10:20:00.000Z'))).toEqual({
      days: { from: undefined, to: d('2026-03-01T00:00:00.000Z') },
      hours: [{ from: d('2026-03-01T00:00:00.000Z'), to: d('2026-03-01T10:00:00.000Z') }],
      records: [{ from: d('2026-03-01T10:00:00.000Z'), to: d('2026-03-01T10:20:00.000Z') }],
    });
  });

  it('covers exactly [from, to) with aligned, disjoint spans, for any range', () => {
    const instant = fc
      .integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-01-09') })
      .map((ms) => new Date(ms));
    const inside = (s: Span, t: number) =>
      (s.from === undefined || t >= s.from.getTime()) && (s.to === undefined || t < s.to.getTime());
    fc.assert(
      fc.property(
        fc.option(instant, { nil: undefined }),
        fc.option(instant, { nil: undefined }),
        fc.array(instant, { maxLength: 40 }),
        (from, to, probes) => {
          const tiers = rangeTiers(from, to);
          const spans = [...(tiers.days === null ? [] : [tiers.days]), ...tiers.hours, ...tiers.records];
          if (tiers.days?.from !== undefined) expect(tiers.days.from.getTime() % DAY).toBe(0);
          if (tiers.days?.to !== undefined) expect(tiers.days.to.getTime() % DAY).toBe(0);
          for (const hour of tiers.hours)
            for (const end of [hour.from, hour.to]) if (end !== undefined) expect(end.getTime() % HOUR).toBe(0);
          for (const t of [
            ...probes.map((p) => p.getTime()),
            ...(from ? [from.getTime(), from.getTime() - 1] : []),
            ...(to ? [to.getTime(), to.getTime() - 1] : []),
          ]) {
            const wanted = inside({ from, to }, t) ? 1 : 0;
            expect(spans.filter((s) => inside(s, t)).length).toBe(wanted);
          }
        },
      ),
    );
  });
});
