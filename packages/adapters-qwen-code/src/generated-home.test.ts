import { codexTotalsBySession, eventsOfType } from '@rimuru/test-utils/codex';
import { readSources } from '@rimuru/test-utils/contract';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { generateQwenHome, type QwenHomeTruth } from '@rimuru/test-utils/qwen-code';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qwenCodeAdapter } from './adapter.js';

let home: TempHome;
let truth: QwenHomeTruth;
beforeAll(async () => {
  home = await createTempHome('rimuru-qwen-generated-');
  truth = await generateQwenHome(home.dir, { sessions: 15, callsPerSession: 8, seed: 9 });
});
afterAll(async () => home.cleanup());

describe('a generated Qwen Code home', () => {
  it('yields exactly the generated sessions, tokens, models and projects', async () => {
    const ctx = testAdapterContext({ homeDir: home.dir });
    const sources = await qwenCodeAdapter.discover(ctx);
    expect(sources).toHaveLength(truth.files);
    const events = await readSources(qwenCodeAdapter, sources, ctx);
    expect(eventsOfType(events, 'diagnostic')).toEqual([]);
    const totals = codexTotalsBySession(events);
    for (const s of truth.sessions) {
      const activity = eventsOfType(events, 'activity').filter((a) => a.sessionExternalId === s.id);
      expect(activity.length, s.id).toBeGreaterThan(0);
      expect([activity.some((a) => a.tokensKnown), activity[0]?.projectPath], s.id).toEqual([
        s.tokensKnown,
        s.projectPath,
      ]);
      const got = totals.get(s.id);
      if (s.requests === 0) expect(got, s.id).toBeUndefined();
      else expect([got?.requests, got?.models, got?.tokens], s.id).toEqual([s.requests, s.models, s.tokens]);
    }
    expect(truth.sessions.some((s) => !s.tokensKnown)).toBe(true);
  });
});
