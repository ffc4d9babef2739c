import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { codexTotalsBySession, drainEvents, eventsOfType } from '@rimuru/test-utils/codex';
import {
  describeRealSamples,
  moreAgentsEntries,
  samplePath,
  type MoreAgentsSession,
} from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { readQwenChat } from './read-chat.js';

const qwenDir = samplePath('qwen');

function oracle(): [string, MoreAgentsSession[]][] {
  return moreAgentsEntries('qwen').map(([sample, unit]) => [sample, unit.sessions]);
}

const read = (relative: string) => drainEvents(readQwenChat(samplePath(relative), { offset: 0, state: null }));

describeRealSamples('real Qwen Code samples', ['qwen'], () => {
  it('matches ccusage per session, except that cached tokens leave input', async () => {
    const units = oracle();
    expect(units.length).toBeGreaterThanOrEqual(7);
    let compared = 0;
    for (const [sample, sessions] of units) {
      const totals = codexTotalsBySession(await read(sample));
      expect([...totals.keys()].sort(), sample).toEqual(sessions.map((s) => s.sessionId).sort());
      for (const want of sessions) {
        const got = totals.get(want.sessionId)!;
        // ccusage reports promptTokenCount whole as input AND cachedContentTokenCount as cache
        // read, counting cached tokens twice; promptTokenCount includes them, so Rimuru's input
        // is prompt − cached. Output, cache read and models agree; Rimuru's total is ccusage's
        // total minus the cache read it counted twice (= the sum of totalTokenCount).
        expect([got.tokens.input, got.tokens.output, got.tokens.cacheRead, got.tokens.cacheWrite5m], sample).toEqual([
          want.inputTokens - want.cacheReadTokens,
          want.outputTokens,
          want.cacheReadTokens,
          want.cacheCreationTokens,
        ]);
        expect(got.tokens.input + got.tokens.output + got.tokens.cacheRead, sample).toBe(
          want.totalTokens - want.cacheReadTokens,
        );
        expect(got.models, sample).toEqual([...want.modelsUsed].sort());
        compared += 1;
      }
    }
    expect(compared).toBe(2);
  });

  it('reads the splitrail 0.18.1-shaped file: two calls, telemetry copies ignored, cached 50 out of input', async () => {
    const events = await read('qwen/Piebald-AI__splitrail/src/analyzers/tests/source_data/qwen_code.jsonl');
    const usage = eventsOfType(events, 'usage');
    expect(usage.map((u) => [u.tokens.input, u.tokens.cacheRead, u.tokens.output])).toEqual([
      [500, 0, 20],
      [550, 50, 5],
    ]);
    expect(eventsOfType(events, 'activity')[0]).toMatchObject({
      sessionExternalId: '69f0814a-8bfc-4c8e-93d3-05757f17b96f',
      firstAt: '2026-06-15T14:40:22.832Z',
      lastAt: '2026-06-15T14:40:22.976Z',
      projectPath: '/tmp/qwentest',
      tokensKnown: true,
    });
  });

  it('reports transcript-only files as sessions with unknown tokens, and glued lines as a diagnostic', async () => {
    const dir = join(qwenDir, 'jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/qwen');
    for (const name of (await readdir(dir)).filter((n) => n !== '019f0000-0000-7000-8000-000000000004.jsonl')) {
      const events = await read(join('qwen/jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/qwen', name));
      expect(eventsOfType(events, 'usage'), name).toEqual([]);
      expect(
        eventsOfType(events, 'activity').every((a) => !a.tokensKnown),
        name,
      ).toBe(true);
    }
    // Two records glued on one line (no newline between them) are not JSON: one diagnostic.
    const glued = await read(
      'qwen/jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/qwen/019f0000-0000-7000-8000-000000000005.jsonl',
    );
    expect(eventsOfType(glued, 'diagnostic').map((d) => d.code)).toEqual(['invalid-json']);
    // The rewound branch's answer had no usage; the active branch's call is the one counted.
    const rewound = await read(
      'qwen/jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/qwen/019f0000-0000-7000-8000-000000000004.jsonl',
    );
    expect(eventsOfType(rewound, 'usage').map((u) => [u.model, u.tokens.input, u.tokens.output])).toEqual([
      ['synthetic-active-model', 12, 4],
    ]);
  });
});
