import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { assertTimeZone, systemTimeZone } from './time-zone.js';

describe('assertTimeZone', () => {
  it('returns valid IANA zones, trimmed', () => {
    expect(assertTimeZone('Asia/Kathmandu')).toBe('Asia/Kathmandu');
    expect(assertTimeZone(' UTC ')).toBe('UTC');
    expect(assertTimeZone('America/St_Johns')).toBe('America/St_Johns');
  });
  it('rejects unknown zones with a usage error (exit 2, INVALID_TIMEZONE)', () => {
    for (const bad of ['Mars/Olympus', '', 'EST5EDT/x', '+05:30x']) {
      const error = (() => {
        try {
          assertTimeZone(bad);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).code).toBe('INVALID_TIMEZONE');
      expect((error as UsageError).exitCode).toBe(2);
    }
  });
});

describe('systemTimeZone', () => {
  it('reports the process zone (tests pin TZ=UTC)', () => {
    expect(systemTimeZone()).toBe('UTC');
  });
});
