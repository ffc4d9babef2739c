import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clineAdapter } from './index.js';

const EXT = 'saoudrizwan.claude-dev';

describe('where Cline tasks are found', () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await createTempHome('rimuru-cline-roots-');
  });
  afterEach(() => home.cleanup());

  async function task(storage: string): Promise<string> {
    await home.write(join(storage, 'tasks', '1751371200000', 'ui_messages.json'), '[]');
    return join(home.dir, storage, 'tasks');
  }

  it('scans VS Code, its forks and servers on Linux, and ~/.cline/data', async () => {
    const code = await task(join('.config', 'Code', 'User', 'globalStorage', EXT));
    const cursor = await task(join('.config', 'Cursor', 'User', 'globalStorage', EXT));
    const server = await task(join('.vscode-server', 'data', 'User', 'globalStorage', EXT));
    const cli = await task(join('.cline', 'data'));
    const ctx = testAdapterContext({ homeDir: home.dir });
    expect(await clineAdapter.roots(ctx)).toEqual([code, cursor, server, cli]);
    expect(await clineAdapter.detect(ctx)).toBe(true);
    expect(
      (await clineAdapter.discover(ctx)).every((s) => s.mode === 'snapshot' && s.path.endsWith('ui_messages.json')),
    ).toBe(true);
  });

  it('uses Application Support on macOS and APPDATA on Windows', async () => {
    const mac = await task(join('Library', 'Application Support', 'Code - Insiders', 'User', 'globalStorage', EXT));
    expect(await clineAdapter.roots(testAdapterContext({ homeDir: home.dir, platform: 'darwin' }))).toEqual([mac]);
    const win = await task(join('Roaming', 'VSCodium', 'User', 'globalStorage', EXT));
    const ctx = testAdapterContext({
      homeDir: home.dir,
      platform: 'win32',
      env: { APPDATA: join(home.dir, 'Roaming') },
    });
    expect(await clineAdapter.roots(ctx)).toEqual([win]);
  });

  it('follows CLINE_DATA_DIR / CLINE_DIR for Cline’s own data folder', async () => {
    const custom = await task(join('elsewhere', 'data'));
    expect(
      await clineAdapter.roots(testAdapterContext({ homeDir: home.dir, env: { CLINE_DIR: '~/elsewhere' } })),
    ).toEqual([custom]);
    expect(
      await clineAdapter.roots(
        testAdapterContext({ homeDir: home.dir, env: { CLINE_DATA_DIR: join(home.dir, 'elsewhere', 'data') } }),
      ),
    ).toEqual([custom]);
  });

  it('replaces every default with CLINE_STORAGE_DIR (a comma list) and refuses a value naming nothing', async () => {
    await task(join('.config', 'Code', 'User', 'globalStorage', EXT));
    const a = await task('a');
    const b = await task(join('b'));
    const ctx = testAdapterContext({ homeDir: home.dir, env: { CLINE_STORAGE_DIR: `~/a, ${b}` } });
    expect(await clineAdapter.roots(ctx)).toEqual([a, b]);
    const tasksItself = testAdapterContext({
      homeDir: home.dir,
      env: { CLINE_STORAGE_DIR: join(home.dir, 'a', 'tasks') },
    });
    expect(await clineAdapter.roots(tasksItself)).toEqual([a]);
    await expect(
      clineAdapter.roots(testAdapterContext({ homeDir: home.dir, env: { CLINE_STORAGE_DIR: '~/missing' } })),
    ).rejects.toThrow(/CLINE_STORAGE_DIR/);
  });
});
