import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStoreTarget } from './store-target.js';

const home = '/home/u';
const pgUrl = 'postgres://u:pw@db:5432/rimuru';

describe('resolveStoreTarget', () => {
  it('prefers --db, then DATABASE_URL, then config db, then the XDG default', () => {
    const env = { DATABASE_URL: pgUrl };
    expect(resolveStoreTarget({ flag: '/tmp/x.db', env, configDb: '/c.db', homeDir: home })).toEqual({
      dialect: 'sqlite',
      path: '/tmp/x.db',
    });
    expect(resolveStoreTarget({ env, configDb: '/c.db', homeDir: home })).toEqual({ dialect: 'postgres', url: pgUrl });
    expect(resolveStoreTarget({ env: {}, configDb: '/c.db', homeDir: home })).toEqual({
      dialect: 'sqlite',
      path: '/c.db',
    });
    expect(resolveStoreTarget({ env: {}, homeDir: home })).toEqual({
      dialect: 'sqlite',
      path: '/home/u/.local/share/rimuru/rimuru.db',
    });
    expect(resolveStoreTarget({ env: { XDG_DATA_HOME: '/data' }, homeDir: home })).toEqual({
      dialect: 'sqlite',
      path: '/data/rimuru/rimuru.db',
    });
  });

  it('ignores empty values and a relative XDG_DATA_HOME', () => {
    expect(resolveStoreTarget({ flag: '', env: { DATABASE_URL: ' ', XDG_DATA_HOME: 'rel' }, homeDir: home })).toEqual({
      dialect: 'sqlite',
      path: '/home/u/.local/share/rimuru/rimuru.db',
    });
  });

  it('reads postgres:// and postgresql:// URLs as PostgreSQL, paths and file: URLs as SQLite', () => {
    expect(resolveStoreTarget({ flag: 'postgresql://h/db', env: {}, homeDir: home })).toEqual({
      dialect: 'postgres',
      url: 'postgresql://h/db',
    });
    expect(resolveStoreTarget({ flag: 'file:///var/r.db', env: {}, homeDir: home })).toEqual({
      dialect: 'sqlite',
      path: '/var/r.db',
    });
    expect(resolveStoreTarget({ flag: 'file:rel.db', env: {}, homeDir: home })).toEqual({
      dialect: 'sqlite',
      path: join(process.cwd(), 'rel.db'),
    });
    expect(resolveStoreTarget({ flag: '~/r.db', env: {}, homeDir: home })).toEqual({
      dialect: 'sqlite',
      path: '/home/u/r.db',
    });
  });
});
