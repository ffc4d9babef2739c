import { createHash } from 'node:crypto';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { locateWire } from './layout.js';
import { kimiRoots } from './roots.js';
import { defaultModelFromToml, projectFromWorkDirs } from './session-context.js';

describe('kimiRoots', () => {
  it('finds ~/.kimi and ~/.kimi-code, honouring KIMI_SHARE_DIR and KIMI_CODE_HOME', async () => {
    await withTempHome(async (home) => {
      const old = await home.mkdir('.kimi');
      const code = await home.mkdir('.kimi-code');
      expect(await kimiRoots(testAdapterContext({ homeDir: home.dir }))).toEqual([old, code]);
      const share = await home.mkdir('share');
      expect(
        await kimiRoots(
          testAdapterContext({ homeDir: home.dir, env: { KIMI_SHARE_DIR: '~/share', KIMI_CODE_HOME: '/missing' } }),
        ),
      ).toEqual([share]);
    });
  });

  it('lets KIMI_DATA_DIR (comma list) replace both and rejects one naming nothing', async () => {
    await withTempHome(async (home) => {
      await home.mkdir('.kimi');
      const a = await home.mkdir('a');
      const b = await home.mkdir('b');
      expect(await kimiRoots(testAdapterContext({ homeDir: home.dir, env: { KIMI_DATA_DIR: '~/a, ~/b' } }))).toEqual([
        a,
        b,
      ]);
      await expect(
        kimiRoots(testAdapterContext({ homeDir: home.dir, env: { KIMI_DATA_DIR: '/nope' } })),
      ).rejects.toThrow(/KIMI_DATA_DIR/);
    });
  });
});

describe('layout and session context', () => {
  it('tells the two layouts apart and names the session folder', () => {
    expect(locateWire('/h/.kimi/sessions/abc/s1/wire.jsonl')).toMatchObject({
      layout: 'kimi-cli',
      sessionId: 's1',
      root: '/h/.kimi',
      agentId: null,
    });
    expect(locateWire('/h/.kimi-code/sessions/wd_p_1/session_9/agents/agent-0/wire.jsonl')).toMatchObject({
      layout: 'kimi-code',
      sessionId: 'session_9',
      agentId: 'agent-0',
    });
    expect(locateWire('/h/.kimi/other/x.jsonl')).toBeNull();
  });

  it('maps an md5 folder (or kaos-prefixed one) back to its work dir, and reads default_model', () => {
    const json = { work_dirs: [{ path: '/a' }, { path: '/b/c' }, 'ignored-not-an-object-but-a-path'] };
    const md5 = (p: string) => createHash('md5').update(p).digest('hex');
    expect(projectFromWorkDirs(json, md5('/b/c'))).toBe('/b/c');
    expect(projectFromWorkDirs(json, `ssh_${md5('/a')}`)).toBe('/a');
    expect(projectFromWorkDirs(json, md5('/d'))).toBeNull();
    expect(projectFromWorkDirs({}, md5('/a'))).toBeNull();
    expect(defaultModelFromToml('x = 1\n default_model = "kimi-for-coding"\n')).toBe('kimi-for-coding');
    expect(defaultModelFromToml('model = "x"')).toBeNull();
  });
});
