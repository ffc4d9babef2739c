import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { geminiCliAdapter } from './adapter.js';

describe('discovery', () => {
  it('lists chats, logs and subagent logs, never logs.json or leftovers', async () => {
    await withTempHome(async (home) => {
      for (const f of [
        'h1/chats/session-a.jsonl',
        'h1/chats/session-a.json',
        'h1/chats/parent/sub.jsonl',
        'h1/logs.json',
        'h1/chats/x.jsonl.unreadable-1',
        'h1/checkpoint-t.json',
        'h0/chats/session-b.json',
      ]) {
        await home.write(`.gemini/tmp/${f}`, '{}');
      }
      const ctx = testAdapterContext({ homeDir: home.dir });
      const sources = await geminiCliAdapter.discover(ctx);
      expect(sources.map((s) => [s.path.slice(home.dir.length), s.mode])).toEqual([
        ['/.gemini/tmp/h0/chats/session-b.json', 'snapshot'],
        ['/.gemini/tmp/h1/chats/parent/sub.jsonl', 'append'],
        ['/.gemini/tmp/h1/chats/session-a.json', 'snapshot'],
        ['/.gemini/tmp/h1/chats/session-a.jsonl', 'append'],
      ]);
      expect(await geminiCliAdapter.detect(ctx)).toBe(true);
    });
  });

  it('honours GEMINI_DATA_DIR (comma list), then GEMINI_CLI_HOME', async () => {
    await withTempHome(async (home) => {
      const a = await home.write('a/p/chats/session-1.json', '{}');
      const b = await home.write('b/p/chats/session-2.json', '{}');
      await home.write('cli/.gemini/tmp/p/chats/session-3.json', '{}');
      const list = await geminiCliAdapter.discover(
        testAdapterContext({ homeDir: home.dir, env: { GEMINI_DATA_DIR: '~/a, ~/b ,' } }),
      );
      expect(list.map((s) => s.path)).toEqual([a, b]);
      const cli = await geminiCliAdapter.roots(
        testAdapterContext({ homeDir: home.dir, env: { GEMINI_CLI_HOME: `${home.dir}/cli` } }),
      );
      expect(cli).toEqual([`${home.dir}/cli/.gemini/tmp`]);
      await expect(
        geminiCliAdapter.discover(
          testAdapterContext({ homeDir: home.dir, env: { GEMINI_DATA_DIR: '/nonexistent-gemini' } }),
        ),
      ).rejects.toThrow(/GEMINI_DATA_DIR/);
    });
  });

  it('uses the same home layout on Windows and macOS', async () => {
    await withTempHome(async (home) => {
      await home.write('.gemini/tmp/p/chats/session-1.json', '{}');
      for (const platform of ['win32', 'darwin']) {
        expect(await geminiCliAdapter.roots(testAdapterContext({ homeDir: home.dir, platform }))).toHaveLength(1);
      }
    });
  });
});
