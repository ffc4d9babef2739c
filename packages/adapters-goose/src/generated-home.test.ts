import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeGooseHome } from '@rimuru/test-utils/goose';
import { mergeActivity, ofType, tokensBySession } from '@rimuru/test-utils/copilot';
import { readSources } from '@rimuru/test-utils/contract';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { gooseAdapter } from './adapter.js';

async function readHome(dir: string, env: Record<string, string> = {}, platform = 'linux') {
  const ctx = testAdapterContext({ homeDir: dir, env, platform });
  const sources = await gooseAdapter.discover(ctx);
  for (const source of sources) expect(source.mode).toBe('snapshot');
  return readSources(gooseAdapter, sources, ctx);
}

describe('Goose adapter on a generated home', () => {
  it('reads back the generator truth: ledger rows, cumulative counters, legacy files, once each', async () => {
    await withTempHome(async (home) => {
      const truth = await writeGooseHome(home.dir, 9);
      const events = await readHome(home.dir);
      expect(ofType(events, 'diagnostic')).toEqual([]);
      expect(tokensBySession(events)).toEqual(truth.tokens);
      const activity = mergeActivity(events);
      for (const [id, project] of truth.projects) expect(activity.get(id)?.projectPath, id).toBe(project);
      for (const id of truth.tokenless) expect(activity.get(id)?.tokensKnown, id).toBe(false);
    });
  });

  it('re-reading a database whose counters grew replaces the session copy instead of adding to it', async () => {
    await withTempHome(async (home) => {
      const truth = await writeGooseHome(home.dir, 3);
      const before = await readHome(home.dir);
      const db = new Database(join(home.dir, truth.dbPath));
      db.exec(
        "UPDATE sessions SET accumulated_input_tokens = accumulated_input_tokens + 1000, accumulated_output_tokens = accumulated_output_tokens + 10 WHERE id = '20251101_3'",
      );
      db.close();
      const after = await readHome(home.dir);
      const expected = truth.tokens.get('20251101_3')!;
      // Stored copies from the first read plus the second read, deduplicated as the engine does.
      expect(tokensBySession([...before, ...after]).get('20251101_3')).toMatchObject({
        input: expected.input + 1000,
        output: expected.output + 10,
      });
    });
  });

  it('finds GOOSE_PATH_ROOT/data/sessions and the Windows APPDATA location', async () => {
    await withTempHome(async (home) => {
      const root = join(home.dir, 'goose-root');
      await mkdir(join(root, 'data'), { recursive: true });
      const truth = await writeGooseHome(join(home.dir, 'tmp'), 4);
      const { rename } = await import('node:fs/promises');
      await rename(join(home.dir, 'tmp', '.local', 'share', 'goose', 'sessions'), join(root, 'data', 'sessions'));
      expect(tokensBySession(await readHome(home.dir, { GOOSE_PATH_ROOT: root }))).toEqual(truth.tokens);
      await expect(
        gooseAdapter.roots(testAdapterContext({ homeDir: home.dir, env: { GOOSE_PATH_ROOT: '/nope' } })),
      ).rejects.toThrow(/GOOSE_PATH_ROOT/);
      const appData = join(home.dir, 'Roaming');
      await mkdir(join(appData, 'Block', 'goose', 'data'), { recursive: true });
      await rename(join(root, 'data', 'sessions'), join(appData, 'Block', 'goose', 'data', 'sessions'));
      expect(tokensBySession(await readHome(home.dir, { APPDATA: appData }, 'win32'))).toEqual(truth.tokens);
    });
  });
});
