import type { SessionActivity } from '@rimuru/core';
import { totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { readDiscovered } from '@rimuru/test-utils/contract';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { generateKimiHome } from '@rimuru/test-utils/kimi';
import { describe, expect, it } from 'vitest';
import { kimiAdapter } from './adapter.js';

describe('synthetic Kimi homes', () => {
  it('reads the exact truth of both layouts back, subagents folded into their session', async () => {
    await withTempHome(async (home) => {
      const truth = await generateKimiHome(home.dir, { sessions: 10, callsPerSession: 6, seed: 12 });
      const ctx = testAdapterContext({ homeDir: home.dir });
      expect((await kimiAdapter.discover(ctx)).map((s) => s.path).sort()).toEqual(truth.files);
      const events = await readDiscovered(kimiAdapter, ctx);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      const totals = totalsBySession(usageEvents(events));
      expect(totals.size).toBe(truth.sessions.length);
      for (const s of truth.sessions) {
        const got = totals.get(s.sessionId);
        expect(got?.tokens, s.sessionId).toEqual({
          input: s.tokens.input,
          output: s.tokens.output,
          cacheRead: s.tokens.cacheRead,
          cacheWrite5m: s.tokens.cacheWrite,
          cacheWrite1h: 0,
          reasoning: 0,
        });
        expect(got?.requestCount).toBe(s.requestCount);
        expect(got?.models).toEqual(s.models);
        const mine = events.filter(
          (e): e is SessionActivity => e.type === 'activity' && e.sessionExternalId === s.sessionId,
        );
        expect(mine.map((a) => a.firstAt).sort()[0]).toBe(s.startedAt);
        expect(
          mine
            .map((a) => a.lastAt)
            .sort()
            .at(-1),
        ).toBe(s.endedAt);
        expect(mine.every((a) => a.projectPath === s.projectPath && a.title === s.title)).toBe(true);
      }
      expect(truth.sessions.some((s) => s.layout === 'kimi-cli')).toBe(true);
      expect(truth.sessions.some((s) => s.layout === 'kimi-code')).toBe(true);
    });
  });
});
