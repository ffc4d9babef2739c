import { totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { eventView, readSources } from '@rimuru/test-utils/contract';
import { generateDroidHome } from '@rimuru/test-utils/droid';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { droidAdapter } from './adapter.js';

describe('a generated Droid home', () => {
  it('reads back every session with the generator’s totals, times, project and title', async () => {
    const home = await createTempHome('rimuru-droid-gen-');
    try {
      const truth = await generateDroidHome(home.dir, {
        sessions: 7,
        requestsPerSession: 6,
        seed: 42,
        tokenlessEvery: 3,
      });
      const ctx = testAdapterContext({ homeDir: home.dir });
      const sources = await droidAdapter.discover(ctx);
      expect(sources.filter((s) => s.mode === 'append')).toHaveLength(7);
      expect(sources.filter((s) => s.mode === 'snapshot')).toHaveLength(
        truth.sessions.filter((s) => s.tokensKnown).length,
      );
      const events = await readSources(droidAdapter, sources, ctx);
      const totals = totalsBySession(usageEvents(events));
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      for (const s of truth.sessions) {
        const got = totals.get(s.id);
        if (s.tokensKnown) {
          expect(got?.tokens).toEqual({
            input: s.tokens.input,
            output: s.tokens.output,
            cacheRead: s.tokens.cacheRead,
            cacheWrite5m: s.tokens.cacheWrite,
            cacheWrite1h: 0,
            reasoning: s.tokens.reasoning,
          });
          expect(got?.models).toEqual([s.model]);
        } else {
          expect(got).toBeUndefined();
        }
        expect(view.activity[s.id]).toMatchObject({
          firstAt: s.startedAt,
          lastAt: s.endedAt,
          projectPath: s.projectPath,
          title: s.title,
          tokensKnown: s.tokensKnown,
        });
      }
    } finally {
      await home.cleanup();
    }
  });
});
