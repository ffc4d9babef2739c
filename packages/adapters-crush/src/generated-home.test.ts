import type { SessionActivity } from '@rimuru/core';
import { usageEvents } from '@rimuru/test-utils/claude';
import { readSources } from '@rimuru/test-utils/contract';
import { generateCrushHome } from '@rimuru/test-utils/crush';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { crushAdapter } from './adapter.js';

async function readHome(seed: number) {
  const home = await createTempHome('rimuru-crush-gen-');
  try {
    const generated = await generateCrushHome(home.dir, { seed, projects: 3, sessionsPerProject: 3 });
    const ctx = testAdapterContext({ homeDir: home.dir });
    const sources = await crushAdapter.discover(ctx);
    const events = await readSources(crushAdapter, sources, ctx);
    return { ...generated, sources, events, home: home.dir, roots: await crushAdapter.roots(ctx) };
  } finally {
    await home.cleanup();
  }
}

describe('a generated Crush home', () => {
  for (const seed of [1, 2]) {
    it(`gives every session's project, parent, models and times, tokens unknown and no usage (seed ${seed})`, async () => {
      const { truth, events } = await readHome(seed);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      expect(usageEvents(events)).toEqual([]);
      const activities = events.filter((e): e is SessionActivity => e.type === 'activity');
      expect(activities.map((a) => a.sessionExternalId).sort()).toEqual([...truth.keys()].sort());
      for (const [id, t] of truth) {
        const a = activities.find((x) => x.sessionExternalId === id);
        expect(a, id).toMatchObject({
          projectPath: t.projectPath,
          parentExternalId: t.parentId,
          title: t.title,
          models: t.models,
          tokensKnown: false,
          firstAt: new Date(t.firstAtSec * 1000).toISOString(),
          lastAt: new Date(t.lastAtSec * 1000).toISOString(),
        });
      }
    });
  }

  it('never claims tokens: the stored counters are the last request, not the sessions’ use', async () => {
    const { truth, events } = await readHome(3);
    expect(usageEvents(events)).toEqual([]);
    // The generator's sessions with several requests used more than their row holds.
    expect([...truth.values()].some((t) => t.trueTokens > t.storedTokens)).toBe(true);
  });
});
