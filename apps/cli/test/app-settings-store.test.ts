import { resolveAppSettings } from '@rimuru/app-runtime';
import { resolveStoreTarget } from '@rimuru/db';
import { describe, expect, it } from 'vitest';

/** The store the shared settings select, as both apps open it: flag > env > config > default. */
const target = (flags: { db?: string }, env: Record<string, string>, configDb?: string) =>
  resolveStoreTarget(
    resolveAppSettings({ flags, config: { db: configDb }, env, homeDir: '/home/u', now: new Date() }).store,
  );

describe('the store of the shared app settings', () => {
  const env = { DATABASE_URL: 'postgres://u@env/db' };
  it('takes --db first, then DATABASE_URL, then the config, then the embedded default', () => {
    expect(target({ db: '/flag.db' }, env, '/config.db')).toEqual({ dialect: 'sqlite', path: '/flag.db' });
    expect(target({}, env, '/config.db')).toEqual({ dialect: 'postgres', url: 'postgres://u@env/db' });
    expect(target({}, {}, '~/config.db')).toEqual({ dialect: 'sqlite', path: '/home/u/config.db' });
    expect(target({}, {})).toEqual({ dialect: 'sqlite', path: '/home/u/.local/share/rimuru/rimuru.db' });
    expect(target({}, { XDG_DATA_HOME: '/xdg' })).toEqual({ dialect: 'sqlite', path: '/xdg/rimuru/rimuru.db' });
  });
});
