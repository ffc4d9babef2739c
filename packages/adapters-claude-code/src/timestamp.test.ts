import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamp.js';

describe('parseTimestamp', () => {
  it.each([
    ['2025-07-12T22:12:00.572Z', '2025-07-12T22:12:00.572Z'],
    ['2025-06-21T10:00:00Z', '2025-06-21T10:00:00.000Z'],
    ['2025-06-21T10:00:00.123456Z', '2025-06-21T10:00:00.123Z'],
    ['2025-06-21T10:00:00+05:45', '2025-06-21T04:15:00.000Z'],
    ['2025-06-21T01:00:00-0330', '2025-06-21T04:30:00.000Z'],
    ['2025-06-21T10:00:00', '2025-06-21T10:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseTimestamp(input)?.iso).toBe(iso);
    expect(parseTimestamp(input)?.ms).toBe(Date.parse(iso));
  });

  it.each(['', 'yesterday', 'March 7, 2025', '2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-01-01T24:00:00Z', '2025-12-31T23:59:60Z', '1969-12-31T23:59:59Z', '1750000000000', '[trimmed for fixture]'])(
    'rejects %j',
    (input) => {
      expect(parseTimestamp(input)).toBeNull();
    },
  );
});
