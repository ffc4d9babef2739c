import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, formatLocalDateTimeLong } from './format-datetime.js';

describe('formatLocalDateTime', () => {
  const instant = new Date('2026-01-15T23:30:00Z');

  it('renders the instant in the requested zone', () => {
    expect(formatLocalDateTime(instant, 'UTC')).toBe('2026-01-15 23:30');
    expect(formatLocalDateTime(instant, 'Asia/Kathmandu')).toBe('2026-01-16 05:15');
    expect(formatLocalDateTime(instant, 'America/Los_Angeles')).toBe('2026-01-15 15:30');
  });

  it('shows the offset in the long form', () => {
    expect(formatLocalDateTimeLong(instant, 'Asia/Kolkata')).toBe('2026-01-16 05:00:00 +05:30');
  });
});
