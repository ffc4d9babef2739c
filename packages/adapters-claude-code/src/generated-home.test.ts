import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { generateClaudeHome, totalsBySession, usageEvents, type ClaudeHomeOptions } from '@rimuru/test-utils/claude';
import { readDiscovered } from '@rimuru/test-utils/contract';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { claudeCodeAdapter } from './adapter.js';

/** The engine's activity merge: earliest start, latest end, first non-null project. */
function mergeActivity(
  events: AdapterEvent[],
): Map<string, { startedAt: string; endedAt: string; projectPath: string | null }> {
  const out = new Map<string, { startedAt: string; endedAt: string; projectPath: string | null }>();
  for (const a of events.filter((e): e is SessionActivity => e.type === 'activity')) {
    const cur = out.get(a.sessionExternalId);
    if (cur === undefined)
      out.set(a.sessionExternalId, { startedAt: a.firstAt, endedAt: a.lastAt, projectPath: a.projectPath });
    else {
      if (a.firstAt < cur.startedAt) cur.startedAt = a.firstAt;
      if (a.lastAt > cur.endedAt) cur.endedAt = a.lastAt;
      cur.projectPath ??= a.projectPath;
    }
  }
  return out;
}

const cases: [string, ClaudeHomeOptions][] = [
  ['2.1.x layout', { sessions: 12, requestsPerSession: 25, seed: 42 }],
  [
    'flat 2.0.x subagents under the XDG root',
    {
      sessions: 7,
      requestsPerSession: 9,
      seed: 7,
      root: 'xdg',
      flatSubagents: true,
      subagentEvery: 2,
      compactionEvery: 3,
    },
  ],
];

describe('synthetic Claude homes', () => {
  it.each(cases)('reads the exact truth back: %s', async (_name, options) => {
    await withTempHome(async (home) => {
      const truth = await generateClaudeHome(home.dir, options);
      const ctx = testAdapterContext({ homeDir: home.dir });
      const events = await readDiscovered(claudeCodeAdapter, ctx);
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
      const sources = await claudeCodeAdapter.discover(ctx);
      expect(sources.map((s) => s.path).sort()).toEqual(truth.files);

      const usage = totalsBySession(usageEvents(events));
      const activity = mergeActivity(events);
      expect(usage.size).toBe(options.sessions);
      for (const session of truth.sessions) {
        expect(usage.get(session.sessionId)).toEqual({
          tokens: session.tokens,
          requestCount: session.requestCount,
          models: session.models,
        });
        expect(activity.get(session.sessionId)).toEqual({
          startedAt: session.startedAt,
          endedAt: session.endedAt,
          projectPath: session.projectPath,
        });
      }
      // The dedupe matters: raw copies would overcount.
      const raw = usageEvents(events).reduce((sum, u) => sum + u.tokens.output, 0);
      const deduped = truth.sessions.reduce((sum, s) => sum + s.tokens.output, 0);
      expect(raw).toBeGreaterThan(deduped);
    });
  });

  it('writes the same bytes for the same seed', async () => {
    const snapshot = async (dir: string, files: string[]) =>
      Promise.all(files.map(async (f) => [relative(dir, f), await readFile(f, 'utf8')] as const));
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        withTempHome(async (home) => {
          const truth = await generateClaudeHome(home.dir, { sessions: 4, requestsPerSession: 6, seed: 99 });
          return { files: await snapshot(home.dir, truth.files), sessions: truth.sessions, bytes: truth.bytes };
        }),
      ),
    );
    expect(a?.files).toEqual(b?.files);
    expect(a?.sessions.map((s) => s.tokens)).toEqual(b?.sessions.map((s) => s.tokens));
    expect(a?.bytes).toBeGreaterThan(0);
  });

  it('produces the traps it promises: streamed copies, replays, progress copies, compaction files', async () => {
    await withTempHome(async (home) => {
      const truth = await generateClaudeHome(home.dir, { sessions: 5, requestsPerSession: 10, seed: 3 });
      const all = (await Promise.all(truth.files.map((f) => readFile(f, 'utf8')))).join('');
      expect(all).toContain('"type":"agent_progress"');
      expect(all).toContain('"isSidechain":true');
      expect(truth.files.some((f) => /subagents\/agent-acompact-/.test(f))).toBe(true);
      const ctx = testAdapterContext({ homeDir: home.dir });
      const usage = usageEvents(await readDiscovered(claudeCodeAdapter, ctx));
      expect(
        usage.some((u) => u.isReplayCopy && usage.some((o) => !o.isReplayCopy && o.replayKey === u.replayKey)),
      ).toBe(true);
      expect(new Set(usage.map((u) => u.dedupeKey)).size).toBeLessThan(usage.length);
      expect(truth.bytes).toBe(
        (await Promise.all(truth.files.map((f) => readFile(f)))).reduce((sum, buf) => sum + buf.length, 0),
      );
    });
  });
});
