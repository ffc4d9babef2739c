import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { droidAdapter } from './adapter.js';

describe('Droid roots and discovery', () => {
  it('uses ~/.factory/sessions on every platform, and DROID_SESSIONS_DIR (comma list) instead', async () => {
    const home = await createTempHome('rimuru-droid-roots-');
    try {
      await home.write('.factory/sessions/-a/s1.jsonl', '{}\n');
      await home.write('.factory/sessions/-a/s1.settings.json', '{}');
      await home.write('elsewhere/one/-b/s2.jsonl', '{}\n');
      await home.write('elsewhere/two/s3.settings.json', '{}');
      for (const platform of ['linux', 'darwin', 'win32']) {
        const ctx = testAdapterContext({ homeDir: home.dir, platform });
        expect(await droidAdapter.roots(ctx)).toEqual([join(home.dir, '.factory', 'sessions')]);
        expect((await droidAdapter.discover(ctx)).map((s) => [s.path.slice(home.dir.length + 1), s.mode])).toEqual([
          [join('.factory/sessions/-a/s1.jsonl'), 'append'],
          [join('.factory/sessions/-a/s1.settings.json'), 'snapshot'],
        ]);
      }
      const env = { DROID_SESSIONS_DIR: ` ${join(home.dir, 'elsewhere/one')} ,~/elsewhere/two,~/missing` };
      const ctx = testAdapterContext({ homeDir: home.dir, env });
      expect(await droidAdapter.roots(ctx)).toEqual([join(home.dir, 'elsewhere/one'), join(home.dir, 'elsewhere/two')]);
      expect((await droidAdapter.discover(ctx)).map((s) => s.mode)).toEqual(['append', 'snapshot']);
      const none = testAdapterContext({ homeDir: home.dir, env: { DROID_SESSIONS_DIR: '~/missing' } });
      expect(await droidAdapter.detect(none)).toBe(false);
    } finally {
      await home.cleanup();
    }
  });
});
