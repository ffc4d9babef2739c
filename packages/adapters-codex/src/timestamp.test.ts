import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamp.js';

describe('parseTimestamp', () => {
  it('parses RFC 3339 with milliseconds, offsets and no zone', () => {
    expect(parseTimestamp('2026-02-23T11:40:29.275Z')).toEqual({ ms: Date.UTC(2026, 1, 23, 11, 40, 29, 275), iso: '2026-02-23T11:40:29.275Z', second: '2026-02-23T11:40:29' });
    expect(parseTimestamp('2026-02-23T13:40:29+02:00')?.iso).toBe('2026-02-23T11:40:29.000Z');
    expect(parseTimestamp('2024-01-01T10:00:00')?.iso).toBe('2024-01-01T10:00:00.000Z');
  });

  it('rejects placeholders, impossible dates and non-strings', () => {
    for (const bad of ['[trimmed for fixture]', '2026-02-31T00:00:00Z', '2026-01-01T24:00:00Z', '', 1767225600000, null]) {
      expect(parseTimestamp(bad), String(bad)).toBeNull();
    }
  });
});
