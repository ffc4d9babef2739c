import { dedupeUsage, totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { eventView, readDiscovered } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { generateGrokHome } from '@rimuru/test-utils/grok';
import { describe, expect, it } from 'vitest';
import { grokAdapter } from './adapter.js';

describe('a generated Grok home', () => {
  it('reads back the generator’s per-session totals, costs, models, times and projects', async () => {
    const home = await createTempHome('rimuru-grok-gen-');
    try {
      const truth = await generateGrokHome(home.dir, { sessions: 6, turnsPerSession: 5, seed: 3, tokenlessEvery: 3 });
      const ctx = testAdapterContext({ homeDir: home.dir });
      const events = await readDiscovered(grokAdapter, ctx);
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      const totals = totalsBySession(usageEvents(events));
      const kept = dedupeUsage(usageEvents(events));
      for (const s of truth.sessions) {
        const got = totals.get(s.id);
        if (s.tokensKnown) {
          expect(got?.tokens).toEqual({
            input: s.tokens.input,
            output: s.tokens.output,
            cacheRead: s.tokens.cacheRead,
            cacheWrite5m: 0,
            cacheWrite1h: 0,
            reasoning: s.tokens.reasoning,
          });
          expect(got?.requestCount).toBe(s.turns);
          expect(got?.models).toEqual(s.models);
          const cost = kept
            .filter((e) => e.sessionExternalId === s.id)
            .reduce((a, e) => a + (e.recordedCostUsd ?? 0), 0);
          expect(cost).toBeCloseTo(s.costUsd, 9);
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
        expect(view.activity[s.id]?.models).toEqual(expect.arrayContaining(s.tokensKnown ? [] : s.models));
      }
    } finally {
      await home.cleanup();
    }
  });
});
