import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEpochMs, parseIsoTimestamp } from './timestamp.js';

describe('parseIsoTimestamp', () => {
  it.each([
    ['2025-07-12T22:12:00.572Z', '2025-07-12T22:12:00.572Z'],
    ['2025-06-21T10:00:00Z', '2025-06-21T10:00:00.000Z'],
    ['2025-06-21T10:00:00.123456Z', '2025-06-21T10:00:00.123Z'],
    ['2025-06-21T10:00:00+05:45', '2025-06-21T04:15:00.000Z'],
    ['2025-06-21T01:00:00-0330', '2025-06-21T04:30:00.000Z'],
    ['2025-06-21T10:00:00', '2025-06-21T10:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['2026-02-23T13:40:29+02:00', '2026-02-23T11:40:29.000Z'],
    [' 2026-02-23T11:40:29.275Z\n', '2026-02-23T11:40:29.275Z'],
  ])('%j → %s', (input, iso) => {
    expect(parseIsoTimestamp(input)?.iso).toBe(iso);
    expect(parseIsoTimestamp(input)?.ms).toBe(Date.parse(iso));
  });

  it.each([
    '',
    'yesterday',
    'March 7, 2025',
    '2025-02-29T00:00:00Z',
    '2026-02-31T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-01-01T24:00:00Z',
    '2025-12-31T23:59:60Z',
    '1969-12-31T23:59:59Z',
    '1750000000000',
    '[trimmed for fixture]',
    1767225600000,
    null,
    undefined,
  ])('rejects %j', (input) => {
    expect(parseIsoTimestamp(input)).toBeNull();
  });
});

describe('parseIsoTimestamp canonical fast path', () => {
  const digits = (n: number) =>
    fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
  // The canonical shape with arbitrary digits: mostly impossible dates (month 47, day 00), some real ones.
  const canonicalShape = fc
    .tuple(
      fc.constantFrom('19', '20', '00', '99'),
      digits(2),
      digits(2),
      digits(2),
      digits(2),
      digits(2),
      digits(2),
      digits(3),
    )
    .map(([c, y, mo, d, h, mi, s, ms]) => `${c}${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  const realInstant = fc.integer({ min: 0, max: 253_402_300_799_999 }).map((ms) => new Date(ms).toISOString());

  it('agrees with the general parser, which a leading space forces', () => {
    fc.assert(
      fc.property(fc.oneof(canonicalShape, realInstant), (text) => {
        expect(parseIsoTimestamp(text)).toEqual(parseIsoTimestamp(` ${text}`));
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['2024-02-29T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'])(
    'accepts %s as itself',
    (text) => {
      expect(parseIsoTimestamp(text)).toEqual({ ms: Date.parse(text), iso: text });
    },
  );

  it.each([
    '0075-01-01T00:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
    '2023-02-29T00:00:00.000Z',
    '2025-04-31T00:00:00.000Z',
    '2025-01-01T00:00:60.000Z',
    '2025-01-01T0a:00:00.000Z',
  ])('rejects %s like the general parser', (text) => {
    expect(parseIsoTimestamp(text)).toBeNull();
  });
});

describe('parseEpochMs', () => {
  it('takes positive epoch milliseconds, truncating fractions', () => {
    expect(parseEpochMs(1767225600000.9)).toEqual({ ms: 1767225600000, iso: '2026-01-01T00:00:00.000Z' });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e20, '1767225600000', null])(
    'rejects %j (unset or not a number)',
    (input) => {
      expect(parseEpochMs(input)).toBeNull();
    },
  );
});
