import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { openclawRoots } from './roots.js';
import { openclawSessionIdFromPath } from './session-files.js';
import { discoverOpenclawSessions } from './discover.js';

describe('openclawRoots and discovery', () => {
  it('finds ~/.openclaw and the legacy homes, in order', async () => {
    await withTempHome(async (home) => {
      const moltbot = await home.mkdir('.moltbot');
      const openclaw = await home.mkdir('.openclaw');
      expect(await openclawRoots(testAdapterContext({ homeDir: home.dir, platform: 'darwin' }))).toEqual([
        openclaw,
        moltbot,
      ]);
    });
  });

  it('lets OPENCLAW_DIR replace the defaults and rejects one that names nothing', async () => {
    await withTempHome(async (home) => {
      await home.mkdir('.openclaw');
      const custom = await home.mkdir('state');
      expect(await openclawRoots(testAdapterContext({ homeDir: home.dir, env: { OPENCLAW_DIR: '~/state' } }))).toEqual([
        custom,
      ]);
      await expect(
        openclawRoots(testAdapterContext({ homeDir: home.dir, env: { OPENCLAW_DIR: '/missing' } })),
      ).rejects.toThrow(/OPENCLAW_DIR/);
    });
  });

  it('lists live files and reset/deleted archives under agents/*/sessions only', async () => {
    await withTempHome(async (home) => {
      const files = [
        '.openclaw/agents/main/sessions/a.jsonl',
        '.openclaw/agents/main/sessions/b.jsonl.deleted.1700000000000',
        '.openclaw/agents/main/sessions/c.jsonl.reset.2026-03-20T06-34-44.520Z',
      ];
      for (const f of files) await home.write(f, '');
      await home.write('.openclaw/agents/main/sessions/sessions.json', '{}');
      await home.write('.openclaw/logs/gateway.jsonl', '');
      const found = await discoverOpenclawSessions(testAdapterContext({ homeDir: home.dir }));
      expect(found.map((s) => s.path.slice(home.dir.length + 1))).toEqual(files);
      expect(found.every((s) => s.mode === 'append')).toBe(true);
    });
  });

  it('names a live file and its archives as one session', () => {
    expect(openclawSessionIdFromPath('/x/abc.jsonl')).toBe('abc');
    expect(openclawSessionIdFromPath('/x/abc.jsonl.deleted.1700000000000')).toBe('abc');
    expect(openclawSessionIdFromPath('C:\\x\\abc.jsonl.reset.2026-03-20T06-34-44.520Z')).toBe('abc');
  });
});
