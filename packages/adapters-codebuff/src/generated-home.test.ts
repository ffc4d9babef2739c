import { join } from 'node:path';
import { writeCodebuffHome } from '@rimuru/test-utils/codebuff';
import { mergeActivity, ofType, tokensBySession } from '@rimuru/test-utils/copilot';
import { readDiscovered } from '@rimuru/test-utils/contract';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { codebuffAdapter } from './adapter.js';

function readHome(dir: string, env: Record<string, string> = {}) {
  return readDiscovered(codebuffAdapter, testAdapterContext({ homeDir: dir, env }));
}

describe('Codebuff adapter on a generated home', () => {
  it('reads back the generator truth: tokens, run-state projects, credits-only chats as unknown', async () => {
    await withTempHome(async (home) => {
      const truth = await writeCodebuffHome(home.dir, 8);
      const events = await readHome(home.dir);
      expect(ofType(events, 'diagnostic')).toEqual([]);
      expect(tokensBySession(events)).toEqual(truth.tokens);
      const activity = mergeActivity(events);
      for (const [id, project] of truth.projects) expect(activity.get(id)?.projectPath, id).toBe(project);
      for (const id of truth.tokenless) expect(activity.get(id)?.tokensKnown, id).toBe(false);
    });
  });

  it('honours CODEBUFF_DATA_DIR (channel root or projects dir) and refuses one naming nothing', async () => {
    await withTempHome(async (home) => {
      const truth = await writeCodebuffHome(join(home.dir, 'backup'), 2);
      const env = { CODEBUFF_DATA_DIR: join(home.dir, 'backup', '.config', 'manicode', 'projects') };
      expect(tokensBySession(await readHome(home.dir, env))).toEqual(truth.tokens);
      await expect(
        codebuffAdapter.roots(testAdapterContext({ homeDir: home.dir, env: { CODEBUFF_DATA_DIR: '/nope' } })),
      ).rejects.toThrow(/CODEBUFF_DATA_DIR/);
    });
  });
});
