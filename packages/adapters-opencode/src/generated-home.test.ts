import type { SessionActivity } from '@rimuru/core';
import { totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { readSources } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { generateOpenCodeHome } from '@rimuru/test-utils/opencode';
import { describe, expect, it } from 'vitest';
import { opencodeAdapter } from './adapter.js';

async function readHome(seed: number, legacy = true) {
  const home = await createTempHome('rimuru-opencode-gen-');
  try {
    const generated = await generateOpenCodeHome(home.dir, { seed, sessions: 5, legacy });
    const ctx = testAdapterContext({ homeDir: home.dir });
    const sources = await opencodeAdapter.discover(ctx);
    const events = await readSources(opencodeAdapter, sources, ctx);
    return { ...generated, sources, events };
  } finally {
    await home.cleanup();
  }
}

describe('a generated OpenCode home', () => {
  for (const seed of [1, 2, 3]) {
    it(`reads the generator's truth per session (seed ${seed})`, async () => {
      const { truth, events } = await readHome(seed);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      const totals = totalsBySession(usageEvents(events));
      for (const [id, t] of truth) {
        const got = totals.get(id);
        if (!t.tokensKnown) {
          expect(got, id).toBeUndefined();
          continue;
        }
        expect(got, id).toBeDefined();
        expect(got?.tokens, id).toEqual({
          input: t.input,
          output: t.output,
          reasoning: t.reasoning,
          cacheRead: t.cacheRead,
          cacheWrite5m: t.cacheWrite,
          cacheWrite1h: 0,
        });
        expect(got?.requestCount, id).toBe(t.requests);
      }
      expect([...totals.keys()].sort()).toEqual(
        [...truth]
          .filter(([, t]) => t.tokensKnown)
          .map(([id]) => id)
          .sort(),
      );
    });
  }

  it('marks the tokenless session unknown and gives every session its project', async () => {
    const { truth, events } = await readHome(4);
    const activities = events.filter((e): e is SessionActivity => e.type === 'activity');
    for (const [id, t] of truth) {
      const mine = activities.filter((a) => a.sessionExternalId === id);
      expect(mine.length, id).toBeGreaterThan(0);
      expect(
        mine.some((a) => a.tokensKnown),
        id,
      ).toBe(t.tokensKnown);
      expect(
        mine.map((a) => a.projectPath),
        id,
      ).toContain(t.projectPath);
    }
  });

  it('lists databases first, channel stores too, and legacy session and message files (not parts)', async () => {
    const { sources, root } = await readHome(5);
    const rel = sources.map((s) => s.path.slice(root.length + 1));
    expect(rel.slice(0, 2)).toEqual(['opencode.db', 'opencode-beta.db']);
    expect(rel.some((p) => p.startsWith('storage/part/'))).toBe(false);
    expect(rel.some((p) => p.startsWith('storage/session/'))).toBe(true);
    expect(sources.every((s) => s.mode === 'snapshot')).toBe(true);
  });
});
