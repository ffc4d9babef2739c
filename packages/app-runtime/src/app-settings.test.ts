import { UsageError } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { resolveAppSettings, storeSelectionInput, type AppSettingsInput } from './app-settings.js';

const now = new Date('2026-11-25T12:00:00.000Z');
const base = (partial: Partial<AppSettingsInput> = {}): AppSettingsInput => ({
  flags: {},
  config: {},
  env: { DATABASE_URL: 'postgres://env/db' },
  homeDir: '/home/u',
  now,
  ...partial,
});

describe('resolveAppSettings', () => {
  it('takes the flags over the config', () => {
    const s = resolveAppSettings(
      base({
        flags: { db: '/flag.db', timezone: 'Asia/Kathmandu', costMode: 'recorded', activeWindowMinutes: 2 },
        config: { db: '/config.db', timezone: 'Europe/Paris', activeWindowMinutes: 30 },
      }),
    );
    expect(s).toEqual({
      store: {
        flag: '/flag.db',
        env: { DATABASE_URL: 'postgres://env/db' },
        configDb: '/config.db',
        homeDir: '/home/u',
      },
      zone: 'Asia/Kathmandu',
      costMode: 'recorded',
      activeWindowMs: 2 * 60_000,
      now,
    });
  });

  it('falls back to the config, then the defaults: system zone, auto, 5 minutes', () => {
    const configured = resolveAppSettings(base({ config: { timezone: 'Europe/Paris', activeWindowMinutes: 30 } }));
    expect([configured.zone, configured.costMode, configured.activeWindowMs]).toEqual([
      'Europe/Paris',
      'auto',
      30 * 60_000,
    ]);
    const bare = resolveAppSettings(base());
    // vitest runs with TZ=UTC: the system zone is the environment's.
    expect([bare.zone, bare.costMode, bare.activeWindowMs]).toEqual(['UTC', 'auto', 5 * 60_000]);
  });

  it('checks a typed zone with the caller’s checker, naming where it was typed', () => {
    const seen: string[] = [];
    const checkTimeZone = (zone: string, where: string) => {
      seen.push(`${zone} in ${where}`);
      return zone;
    };
    resolveAppSettings(
      base({ flags: { timezone: 'Asia/Tokyo' }, config: { timezone: 'Europe/Paris' }, checkTimeZone }),
    );
    resolveAppSettings(base({ config: { timezone: 'Europe/Paris' }, checkTimeZone }));
    expect(seen).toEqual(['Asia/Tokyo in --timezone', "Europe/Paris in the config's timezone"]);
  });

  it('rejects an unknown zone or cost mode as a usage error (exit 2)', () => {
    expect(() => resolveAppSettings(base({ config: { timezone: 'Mars/Base' } }))).toThrow(/Mars\/Base/);
    const bad = (() => {
      try {
        resolveAppSettings(base({ flags: { costMode: 'cheapest' } }));
      } catch (error) {
        return error;
      }
    })();
    expect(bad).toBeInstanceOf(UsageError);
    expect((bad as UsageError).message).toBe(
      'Unknown cost mode "cheapest" in --cost-mode: expected auto, calculate, recorded',
    );
    expect((bad as UsageError).exitCode).toBe(2);
  });
});

describe('storeSelectionInput', () => {
  it('hands the flag, environment, config and home to the store resolution', () => {
    expect(storeSelectionInput({ flags: {}, config: { db: '/c.db' }, env: {}, homeDir: '/h' })).toEqual({
      flag: undefined,
      env: {},
      configDb: '/c.db',
      homeDir: '/h',
    });
  });
});
