import type { AdapterEvent, SessionActivity, UsageEvent } from '@rimuru/core';
import { dedupeUsage, totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { readDiscovered } from '@rimuru/test-utils/contract';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { generatePiHome, type PiHomeOptions } from '@rimuru/test-utils/pi';
import { describe, expect, it } from 'vitest';
import { piAdapter } from './adapter.js';

function merged(events: AdapterEvent[]) {
  const out = new Map<
    string,
    { startedAt: string; endedAt: string; projectPath: string | null; parent: string | null; title: string | null }
  >();
  for (const a of events.filter((e): e is SessionActivity => e.type === 'activity')) {
    const cur = out.get(a.sessionExternalId);
    if (cur === undefined) {
      out.set(a.sessionExternalId, {
        startedAt: a.firstAt,
        endedAt: a.lastAt,
        projectPath: a.projectPath,
        parent: a.parentExternalId,
        title: a.title,
      });
    } else {
      if (a.firstAt < cur.startedAt) cur.startedAt = a.firstAt;
      if (a.lastAt > cur.endedAt) cur.endedAt = a.lastAt;
    }
  }
  return out;
}

const cases: [string, PiHomeOptions][] = [
  ['default home with forks', { sessions: 9, callsPerSession: 12, seed: 5, branchEvery: 3 }],
  ['PI_AGENT_DIR home', { sessions: 4, callsPerSession: 6, seed: 8, envRoot: true, branchEvery: 2 }],
];

describe('synthetic pi homes', () => {
  it.each(cases)('reads the exact truth back: %s', async (_name, options) => {
    await withTempHome(async (home) => {
      const truth = await generatePiHome(home.dir, options);
      const ctx = testAdapterContext({ homeDir: home.dir, env: truth.env });
      expect((await piAdapter.discover(ctx)).map((s) => s.path).sort()).toEqual(truth.files);
      const events = await readDiscovered(piAdapter, ctx);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      const totals = totalsBySession(usageEvents(events));
      const activity = merged(events);
      const kept = dedupeUsage(usageEvents(events));
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
        const cost = kept
          .filter((u: UsageEvent) => u.sessionExternalId === s.sessionId)
          .reduce((sum, u) => sum + (u.recordedCostUsd ?? 0), 0);
        expect(cost).toBeCloseTo(s.recordedCostUsd, 9);
        expect(activity.get(s.sessionId)).toEqual({
          startedAt: s.startedAt,
          endedAt: s.endedAt,
          projectPath: s.projectPath,
          parent: s.parentId,
          title: s.title,
        });
      }
      // Forks repeat their parent's calls: without the dedupe they would count twice.
      if (truth.sessions.some((s) => s.parentId !== null))
        expect(usageEvents(events).length).toBeGreaterThan(kept.length);
    });
  });
});
