import { join } from 'node:path';
import { writeAmpHome } from '@rimuru/test-utils/amp';
import { mergeActivity, ofType, tokensBySession } from '@rimuru/test-utils/copilot';
import { readSources } from '@rimuru/test-utils/contract';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { ampAdapter } from './adapter.js';

async function readHome(dir: string, env: Record<string, string> = {}) {
  const ctx = testAdapterContext({ homeDir: dir, env });
  const sources = await ampAdapter.discover(ctx);
  for (const source of sources) expect(source.mode).toBe('snapshot');
  return readSources(ampAdapter, sources, ctx);
}

describe('Amp adapter on a generated home', () => {
  it('reads back exactly the generator truth: tokens, projects, unknown-token threads', async () => {
    await withTempHome(async (home) => {
      const truth = await writeAmpHome(home.dir, { threads: 6, seed: 11 });
      const events = await readHome(home.dir);
      expect(ofType(events, 'diagnostic')).toEqual([]);
      expect(ofType(events, 'usage')).toHaveLength(truth.requests);
      expect(tokensBySession(events)).toEqual(truth.tokens);
      const activity = mergeActivity(events);
      for (const [id, project] of truth.projects) expect(activity.get(id)?.projectPath, id).toBe(project);
      for (const id of truth.tokenless) expect(activity.get(id)?.tokensKnown, id).toBe(false);
    });
  });

  it('honours AMP_DATA_DIR (comma list) instead of the default and refuses one naming nothing', async () => {
    await withTempHome(async (home) => {
      const truth = await writeAmpHome(join(home.dir, 'elsewhere'), { threads: 2 });
      await writeAmpHome(home.dir, { threads: 1, seed: 99 });
      const env = { AMP_DATA_DIR: `${join(home.dir, 'elsewhere', '.local', 'share', 'amp')}, ~/missing` };
      expect(tokensBySession(await readHome(home.dir, env))).toEqual(truth.tokens);
      await expect(
        ampAdapter.roots(testAdapterContext({ homeDir: home.dir, env: { AMP_DATA_DIR: '/nope' } })),
      ).rejects.toThrow(/AMP_DATA_DIR/);
    });
  });

  it('finds threads under XDG_DATA_HOME on any platform', async () => {
    await withTempHome(async (home) => {
      await writeAmpHome(join(home.dir, 'xdg-parent'), { threads: 1 });
      const xdg = join(home.dir, 'xdg-parent', '.local', 'share');
      for (const platform of ['linux', 'darwin', 'win32']) {
        const ctx = testAdapterContext({ homeDir: home.dir, env: { XDG_DATA_HOME: xdg }, platform });
        expect(await ampAdapter.roots(ctx)).toEqual([join(xdg, 'amp', 'threads')]);
      }
    });
  });
});
