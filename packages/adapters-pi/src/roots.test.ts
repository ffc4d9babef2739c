import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { piSessionRoots } from './roots.js';
import { piSessionIdFromPath } from './session-id.js';

describe('piSessionRoots', () => {
  it('uses ~/.pi/agent/sessions when it exists, and nothing otherwise', async () => {
    await withTempHome(async (home) => {
      expect(await piSessionRoots(testAdapterContext({ homeDir: home.dir }))).toEqual([]);
      const dir = await home.mkdir('.pi/agent/sessions');
      expect(await piSessionRoots(testAdapterContext({ homeDir: home.dir, platform: 'win32' }))).toEqual([dir]);
    });
  });

  it('lets PI_AGENT_DIR (comma list of sessions or agent dirs) replace the default, and rejects a useless one', async () => {
    await withTempHome(async (home) => {
      await home.mkdir('.pi/agent/sessions');
      const a = await home.mkdir('a/sessions');
      const b = await home.mkdir('b');
      const ctx = testAdapterContext({ homeDir: home.dir, env: { PI_AGENT_DIR: `${join(home.dir, 'a')}, ~/b` } });
      expect(await piSessionRoots(ctx)).toEqual([a, b]);
      await expect(
        piSessionRoots(testAdapterContext({ homeDir: home.dir, env: { PI_AGENT_DIR: '/nope' } })),
      ).rejects.toThrow(/PI_AGENT_DIR/);
    });
  });

  it("honours pi's own PI_CODING_AGENT_DIR", async () => {
    await withTempHome(async (home) => {
      const dir = await home.mkdir('agent/sessions');
      expect(
        await piSessionRoots(testAdapterContext({ homeDir: home.dir, env: { PI_CODING_AGENT_DIR: '~/agent' } })),
      ).toEqual([dir]);
    });
  });
});

describe('piSessionIdFromPath', () => {
  it('takes what follows the first underscore of the stem', () => {
    expect(piSessionIdFromPath('/x/--a--/2026-01-01T10-00-00-000Z_0b1c-uuid.jsonl')).toBe('0b1c-uuid');
    expect(piSessionIdFromPath('C:\\x\\small.jsonl')).toBe('small');
  });
});
