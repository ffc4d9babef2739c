import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRimuruError } from '@rimuru/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configPath, loadConfig } from './config.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'rimuru-app-config-'));
});
afterEach(async () => rm(home, { recursive: true, force: true }));

async function writeConfig(text: string): Promise<void> {
  await mkdir(join(home, '.config', 'rimuru'), { recursive: true });
  await writeFile(join(home, '.config', 'rimuru', 'config.json'), text);
}

async function configError(): Promise<string> {
  try {
    await loadConfig({}, home);
  } catch (error) {
    if (isRimuruError(error) && error.code === 'CONFIG_ERROR') return error.message;
    throw error;
  }
  throw new Error('expected a CONFIG_ERROR');
}

describe('configPath', () => {
  it('uses XDG_CONFIG_HOME when set, else ~/.config', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe(join('/x', 'rimuru', 'config.json'));
    expect(configPath({}, '/home/u')).toBe(join('/home/u', '.config', 'rimuru', 'config.json'));
  });
});

describe('loadConfig', () => {
  it('is empty when there is no config file', async () => {
    expect(await loadConfig({}, home)).toEqual({});
  });

  it('reads every key both apps use and keeps unknown keys', async () => {
    await writeConfig(
      JSON.stringify({
        db: '/data/r.db',
        timezone: 'Europe/Paris',
        activeWindowMinutes: 15,
        prices: { 'my-model': { input: 3, output: '15', cacheRead: 0.3 } },
        roots: { codex: ['~/other-codex'] },
        team: { url: 'postgres://team/rimuru' },
        later: true,
      }),
    );
    const config = await loadConfig({}, home);
    expect(config).toMatchObject({ db: '/data/r.db', timezone: 'Europe/Paris', activeWindowMinutes: 15, later: true });
    expect(config.prices?.['my-model']).toEqual({ input: 3, output: '15', cacheRead: 0.3 });
    expect(config.roots?.codex).toEqual(['~/other-codex']);
  });

  it('names the file and the key when a value is invalid', async () => {
    await writeConfig(JSON.stringify({ prices: { m: { input: -1, output: 2 } } }));
    const message = await configError();
    expect(message).toContain(join(home, '.config', 'rimuru', 'config.json'));
    expect(message).toContain('prices.m.input');
  });

  it('rejects a file that is not JSON', async () => {
    await writeConfig('{ db: nope');
    expect(await configError()).toMatch(/is not valid JSON$/);
  });

  it('rejects a team URL that is not postgres://', async () => {
    await writeConfig(JSON.stringify({ team: { url: 'mysql://x' } }));
    expect(await configError()).toContain('team.url must be a postgres:// URL');
  });
});
