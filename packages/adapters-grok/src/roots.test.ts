import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grokAdapter } from './adapter.js';
import { sessionPathFacts } from './session-path.js';

describe('Grok roots, discovery and session paths', () => {
  it('uses ~/.grok/sessions on every platform and GROK_HOME (comma list, home or sessions dir) instead', async () => {
    const home = await createTempHome('rimuru-grok-roots-');
    try {
      await home.write('.grok/sessions/%2Fp/019a/summary.json', '{}');
      await home.write('.grok/sessions/%2Fp/019a/updates.jsonl', '');
      await home.write('.grok/sessions/%2Fp/019a/chat_history.jsonl', '');
      await home.write('other/sessions/%2Fq/019b/updates.jsonl', '');
      await home.write('third/%2Fr/019c/summary.json', '{}');
      for (const platform of ['linux', 'darwin', 'win32']) {
        const ctx = testAdapterContext({ homeDir: home.dir, platform });
        expect(await grokAdapter.roots(ctx)).toEqual([join(home.dir, '.grok', 'sessions')]);
        expect((await grokAdapter.discover(ctx)).map((s) => [s.path.slice(home.dir.length + 1), s.mode])).toEqual([
          [join('.grok/sessions/%2Fp/019a/summary.json'), 'snapshot'],
          [join('.grok/sessions/%2Fp/019a/updates.jsonl'), 'append'],
        ]);
      }
      const ctx = testAdapterContext({ homeDir: home.dir, env: { GROK_HOME: '~/other, ~/third ,~/nope' } });
      expect(await grokAdapter.roots(ctx)).toEqual([join(home.dir, 'other', 'sessions'), join(home.dir, 'third')]);
      expect(await grokAdapter.discover(ctx)).toHaveLength(2);
    } finally {
      await home.cleanup();
    }
  });

  it('reads the session, parent and decoded cwd from the path', () => {
    expect(sessionPathFacts('/h/.grok/sessions/%2Fhome%2Fa%20b/019x/updates.jsonl')).toEqual({
      sessionId: '019x',
      parentId: null,
      projectPath: '/home/a b',
    });
    expect(sessionPathFacts('/h/.grok/sessions/%2Fw/019p/subagents/019s/summary.json')).toEqual({
      sessionId: '019s',
      parentId: '019p',
      projectPath: '/w',
    });
    expect(sessionPathFacts('/h/.grok/sessions/plain/019x/updates.jsonl').projectPath).toBeNull();
  });
});
