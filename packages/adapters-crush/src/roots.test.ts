import { join } from 'node:path';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { globalDataDirs } from './roots.js';

describe('globalDataDirs', () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await createTempHome('rimuru-crush-roots-');
  });
  afterEach(async () => home.cleanup());

  it('uses ~/.local/share/crush on Linux and macOS, and %LOCALAPPDATA%\\crush on Windows', async () => {
    const unix = await home.mkdir('.local/share/crush');
    const win = await home.mkdir('Local/crush');
    for (const platform of ['linux', 'darwin'])
      expect(await globalDataDirs(testAdapterContext({ homeDir: home.dir, platform }))).toEqual([unix]);
    expect(
      await globalDataDirs(
        testAdapterContext({ homeDir: home.dir, platform: 'win32', env: { LOCALAPPDATA: join(home.dir, 'Local') } }),
      ),
    ).toEqual([win]);
    // Without LOCALAPPDATA: the profile's AppData\Local.
    const fallback = await home.mkdir('AppData/Local/crush');
    expect(await globalDataDirs(testAdapterContext({ homeDir: home.dir, platform: 'win32' }))).toEqual([fallback]);
  });

  it('prefers an absolute XDG_DATA_HOME, ignoring a relative one', async () => {
    const xdg = await home.mkdir('xdg/crush');
    const dflt = await home.mkdir('.local/share/crush');
    expect(
      await globalDataDirs(testAdapterContext({ homeDir: home.dir, env: { XDG_DATA_HOME: join(home.dir, 'xdg') } })),
    ).toEqual([xdg]);
    expect(await globalDataDirs(testAdapterContext({ homeDir: home.dir, env: { XDG_DATA_HOME: 'xdg' } }))).toEqual([
      dflt,
    ]);
  });

  it('honours CRUSH_GLOBAL_DATA (comma-separated, ~ expanded) and rejects one naming no Crush data', async () => {
    await home.write('g1/projects.json', '{"projects":[]}');
    await home.write('g2/crush.db', '');
    await home.mkdir('empty');
    const env = { CRUSH_GLOBAL_DATA: ' ~/g1 , ~/empty, ~/g2 ', XDG_DATA_HOME: join(home.dir, 'xdg') };
    expect(await globalDataDirs(testAdapterContext({ homeDir: home.dir, env }))).toEqual([
      join(home.dir, 'g1'),
      join(home.dir, 'g2'),
    ]);
    await expect(
      globalDataDirs(testAdapterContext({ homeDir: home.dir, env: { CRUSH_GLOBAL_DATA: '~/empty' } })),
    ).rejects.toThrow(/CRUSH_GLOBAL_DATA/);
  });
});
