import { generateAntigravityHome } from '@rimuru/test-utils/antigravity';
import { totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { eventView, readDiscovered } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { antigravityAdapter } from './adapter.js';

describe('a generated Antigravity home', () => {
  it('decodes every generation once with the generator’s tokens, models and times', async () => {
    const home = await createTempHome('rimuru-antigravity-gen-');
    try {
      const truth = await generateAntigravityHome(home.dir, {
        conversations: 3,
        generationsPerConversation: 4,
        seed: 12,
      });
      const ctx = testAdapterContext({ homeDir: home.dir });
      const events = await readDiscovered(antigravityAdapter, ctx);
      const view = eventView(events);
      expect(view.diagnostics).toEqual([]);
      const totals = totalsBySession(usageEvents(events));
      for (const c of truth.conversations) {
        expect(totals.get(c.id)).toEqual({
          tokens: {
            input: c.tokens.input,
            output: c.tokens.output,
            cacheRead: c.tokens.cacheRead,
            cacheWrite5m: 0,
            cacheWrite1h: 0,
            reasoning: c.tokens.reasoning,
          },
          requestCount: c.generations,
          models: c.models,
        });
        expect(view.activity[c.id]).toMatchObject({ firstAt: c.startedAt, lastAt: c.endedAt, tokensKnown: true });
      }
    } finally {
      await home.cleanup();
    }
  });
});
