import type { SessionActivity } from '@rimuru/core';
import { totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { readDiscovered } from '@rimuru/test-utils/contract';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { generateOpenclawHome } from '@rimuru/test-utils/openclaw';
import { describe, expect, it } from 'vitest';
import { openclawAdapter } from './adapter.js';

describe('synthetic OpenClaw homes', () => {
  it('reads the exact truth back, archives and legacy homes included, each call once', async () => {
    await withTempHome(async (home) => {
      const truth = await generateOpenclawHome(home.dir, { sessions: 12, callsPerSession: 8, seed: 4 });
      const ctx = testAdapterContext({ homeDir: home.dir });
      expect((await openclawAdapter.discover(ctx)).map((s) => s.path).sort()).toEqual(truth.files);
      const events = await readDiscovered(openclawAdapter, ctx);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      const totals = totalsBySession(usageEvents(events));
      const activity = events.filter((e): e is SessionActivity => e.type === 'activity');
      for (const s of truth.sessions) {
        const mine = activity.filter((a) => a.sessionExternalId === s.sessionId);
        expect(mine.map((a) => a.firstAt).sort()[0]).toBe(s.startedAt);
        expect(
          mine
            .map((a) => a.lastAt)
            .sort()
            .at(-1),
        ).toBe(s.endedAt);
        expect(mine.every((a) => a.projectPath === s.projectPath)).toBe(true);
        if (s.tokens === null) {
          expect(totals.has(s.sessionId)).toBe(false);
          expect(mine.some((a) => a.tokensKnown)).toBe(false);
          expect(Math.max(...mine.map((a) => a.requestCount ?? 0))).toBe(s.requestCount);
          expect([...new Set(mine.flatMap((a) => a.models ?? []))].sort()).toEqual(s.models);
          continue;
        }
        const got = totals.get(s.sessionId);
        expect(got?.tokens).toEqual({
          input: s.tokens.input,
          output: s.tokens.output,
          cacheRead: s.tokens.cacheRead,
          cacheWrite5m: s.tokens.cacheWrite,
          cacheWrite1h: 0,
          reasoning: 0,
        });
        expect(got?.requestCount).toBe(s.requestCount);
        expect(got?.models).toEqual(s.models);
      }
      // The rename caught half-way repeats calls under a second path: raw events overcount.
      expect(usageEvents(events).length).toBeGreaterThan([...totals.values()].reduce((n, t) => n + t.requestCount, 0));
    });
  });
});
