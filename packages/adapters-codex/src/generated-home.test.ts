import type { AdapterEvent, ReadPosition, SessionActivity } from '@rimuru/core';
import {
  codexTotalsBySession,
  drainEvents,
  eventsOfType,
  generateCodexHome,
  type CodexHomeTruth,
} from '@rimuru/test-utils/codex';
import { readSources } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codexAdapter } from './adapter.js';
import { DEFAULT_READ_LIMITS, readRollout } from './read-rollout.js';

let home: TempHome;
let truth: CodexHomeTruth;
beforeAll(async () => {
  home = await createTempHome('rimuru-codex-generated-');
  truth = await generateCodexHome(home.dir, {
    sessions: 24,
    requestsPerSession: 30,
    seed: 7,
    archiveEvery: 5,
    legacyEvery: 7,
    spawnEvery: 4,
  });
});
afterAll(async () => {
  await home.cleanup();
});

/** The engine's activity merge: earliest start, latest end, first non-null, known stays known. */
function foldActivity(events: readonly AdapterEvent[]): Map<string, SessionActivity> {
  const out = new Map<string, SessionActivity>();
  for (const a of eventsOfType(events, 'activity')) {
    const kept = out.get(a.sessionExternalId);
    if (kept === undefined) {
      out.set(a.sessionExternalId, { ...a });
      continue;
    }
    if (a.firstAt < kept.firstAt) kept.firstAt = a.firstAt;
    if (a.lastAt > kept.lastAt) kept.lastAt = a.lastAt;
    kept.projectPath ??= a.projectPath;
    kept.parentExternalId ??= a.parentExternalId;
    kept.tokensKnown ||= a.tokensKnown;
  }
  return out;
}

describe('a generated Codex home', () => {
  it('yields exactly the generated sessions, tokens, models and parents', async () => {
    const ctx = testAdapterContext({ homeDir: home.dir });
    const sources = await codexAdapter.discover(ctx);
    expect(sources).toHaveLength(truth.files);
    const events = await readSources(codexAdapter, sources, ctx);
    expect(eventsOfType(events, 'diagnostic').map((d) => d.message)).toEqual([]);

    const totals = codexTotalsBySession(events);
    const activity = foldActivity(events);
    expect(activity.size).toBe(truth.sessions.length);
    for (const s of truth.sessions) {
      const a = activity.get(s.id);
      expect(a, s.id).toBeDefined();
      expect([a?.tokensKnown, a?.parentExternalId, a?.projectPath], s.id).toEqual([
        s.tokensKnown,
        s.parentId,
        s.projectPath,
      ]);
      const got = totals.get(s.id);
      if (s.requests === 0) {
        expect(got, s.id).toBeUndefined();
        continue;
      }
      expect(got?.requests, s.id).toBe(s.requests);
      expect(got?.models, s.id).toEqual(s.models);
      expect(got?.tokens, s.id).toMatchObject(s.tokens);
    }
    expect(truth.sessions.some((s) => s.parentId !== null)).toBe(true);
    expect(truth.sessions.some((s) => !s.tokensKnown)).toBe(true);
  });

  it('gives the same usage when every file is read in small resumed steps', async () => {
    const ctx = testAdapterContext({ homeDir: home.dir });
    const limits = { ...DEFAULT_READ_LIMITS, checkpointLines: 9 };
    for (const source of (await codexAdapter.discover(ctx)).slice(0, 8)) {
      const full = await drainEvents(readRollout(source.path, { offset: 0, state: null }, limits));
      const stepped: AdapterEvent[] = [];
      let from: ReadPosition = { offset: 0, state: null };
      for (;;) {
        const part: AdapterEvent[] = [];
        for await (const event of readRollout(source.path, from, limits)) {
          part.push(event);
          if (event.type === 'checkpoint') break;
        }
        stepped.push(...part);
        const cp = eventsOfType(part, 'checkpoint').at(-1);
        if (cp === undefined || cp.offset === from.offset) break;
        from = { offset: cp.offset, state: cp.state };
      }
      expect(eventsOfType(stepped, 'usage'), source.path).toEqual(eventsOfType(full, 'usage'));
    }
  });
});
