import { dedupeUsage, totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { eventView, readSources } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { generateHermesHome } from '@rimuru/test-utils/hermes';
import { describe, expect, it } from 'vitest';
import { hermesAdapter } from './adapter.js';

describe('a generated Hermes home', () => {
  it('reads every state.db session with the generator’s totals, cost, times, title and parent', async () => {
    const home = await createTempHome('rimuru-hermes-gen-');
    try {
      const truth = await generateHermesHome(home.dir, { sessions: 7, seed: 8, jsonEvery: 3 });
      const ctx = testAdapterContext({ homeDir: home.dir });
      const sources = await hermesAdapter.discover(ctx);
      expect(sources.map((s) => s.mode)).toEqual(['snapshot', 'snapshot', 'snapshot']);
      const events = await readSources(hermesAdapter, sources, ctx);
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      const totals = totalsBySession(usageEvents(events));
      const kept = dedupeUsage(usageEvents(events));
      for (const s of truth.sessions) {
        expect(totals.get(s.id)?.tokens).toEqual({
          input: s.tokens.input,
          output: s.tokens.output,
          cacheRead: s.tokens.cacheRead,
          cacheWrite5m: s.tokens.cacheWrite,
          cacheWrite1h: 0,
          reasoning: s.tokens.reasoning,
        });
        expect(kept.find((e) => e.sessionExternalId === s.id)?.recordedCostUsd).toBe(s.actualCostUsd);
        expect(view.activity[s.id]).toMatchObject({
          firstAt: s.startedAt,
          lastAt: s.endedAt,
          title: s.title,
          parentExternalId: s.parentId,
          tokensKnown: true,
          models: [s.model],
        });
      }
      // A session's JSON document adds its project; tokens stay those of state.db.
      const withJson = truth.sessions[2];
      expect(view.activity[withJson?.id ?? '']?.projectPath).toBe('/home/dev/app');
    } finally {
      await home.cleanup();
    }
  });
});
