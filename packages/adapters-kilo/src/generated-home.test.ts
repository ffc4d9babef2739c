import { join } from 'node:path';
import type { SessionActivity } from '@rimuru/core';
import { totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { readSources } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { generateKiloHome } from '@rimuru/test-utils/kilo';
import { generateOpenCodeHome } from '@rimuru/test-utils/opencode';
import { describe, expect, it } from 'vitest';
import { kiloAdapter } from './adapter.js';

async function readHome(seed: number, env: Record<string, string> = {}, alsoOpenCode = false) {
  const home = await createTempHome('rimuru-kilo-gen-');
  try {
    const generated = await generateKiloHome(home.dir, { seed, sessions: 4 });
    if (alsoOpenCode) await generateOpenCodeHome(home.dir, { seed: seed + 100 });
    const ctx = testAdapterContext({
      homeDir: home.dir,
      env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace('$HOME', home.dir)])),
    });
    const sources = await kiloAdapter.discover(ctx);
    const events = await readSources(kiloAdapter, sources, ctx);
    return { ...generated, sources, events, home: home.dir };
  } finally {
    await home.cleanup();
  }
}

describe('a generated Kilo CLI home', () => {
  for (const seed of [1, 2]) {
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
      const activities = events.filter((e): e is SessionActivity => e.type === 'activity');
      for (const [id, t] of truth)
        expect(
          activities.some((a) => a.sessionExternalId === id && a.tokensKnown),
          id,
        ).toBe(t.tokensKnown);
    });
  }

  it("reads only Kilo's own data directory, never OpenCode's next to it", async () => {
    const { sources, root } = await readHome(3, {}, true);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.path.startsWith(root))).toBe(true);
    expect(sources.slice(0, 2).map((s) => s.path)).toEqual([join(root, 'kilo.db'), join(root, 'kilo-dev.db')]);
  });

  it('honours KILO_DATA_DIR (comma-separated) instead of the default', async () => {
    const { sources, root } = await readHome(4, { KILO_DATA_DIR: ' $HOME/.local/share/kilo , $HOME/missing ' });
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.path.startsWith(root))).toBe(true);
  });
});
