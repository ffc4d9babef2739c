import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { codexTotalsBySession, eventsOfType } from '@rimuru/test-utils/codex';
import { readSources } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { generateGeminiHome, type GeminiHomeTruth } from '@rimuru/test-utils/gemini-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geminiCliAdapter } from './adapter.js';

let home: TempHome;
let truth: GeminiHomeTruth;
beforeAll(async () => {
  home = await createTempHome('rimuru-gemini-generated-');
  truth = await generateGeminiHome(home.dir, { sessions: 21, messagesPerSession: 6, seed: 3 });
});
afterAll(async () => home.cleanup());

function fold(events: readonly AdapterEvent[]): Map<string, SessionActivity> {
  const out = new Map<string, SessionActivity>();
  for (const a of eventsOfType(events, 'activity')) {
    const kept = out.get(a.sessionExternalId);
    if (kept === undefined) out.set(a.sessionExternalId, { ...a });
    else {
      kept.projectPath ??= a.projectPath;
      kept.parentExternalId ??= a.parentExternalId;
      kept.tokensKnown ||= a.tokensKnown;
    }
  }
  return out;
}

describe('a generated Gemini CLI home', () => {
  it('yields exactly the generated sessions, tokens, models, parents and projects', async () => {
    const ctx = testAdapterContext({ homeDir: home.dir });
    const sources = await geminiCliAdapter.discover(ctx);
    expect(sources).toHaveLength(truth.files);
    const events = await readSources(geminiCliAdapter, sources, ctx);
    expect(eventsOfType(events, 'diagnostic')).toEqual([]);
    const totals = codexTotalsBySession(events);
    const activity = fold(events);
    expect(activity.size).toBe(truth.sessions.length);
    for (const s of truth.sessions) {
      const a = activity.get(s.id);
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
      expect([got?.requests, got?.models, got?.tokens], s.id).toEqual([s.requests, s.models, s.tokens]);
    }
    expect(truth.sessions.some((s) => s.parentId !== null)).toBe(true);
    expect(truth.sessions.some((s) => !s.tokensKnown)).toBe(true);
  });
});
