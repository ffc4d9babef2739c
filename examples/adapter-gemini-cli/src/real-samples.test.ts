import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { readGeminiChat } from './read-chat.js';

/** The shared corpus next to the checkout (never copied into the repo): `<repo>/../shared/real-samples`. */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = resolve(repoRoot, '../shared/real-samples/gemini');

async function sums(relative: string) {
  const events: AdapterEvent[] = [];
  for await (const e of readGeminiChat(join(dir, relative))) events.push(e);
  const usage = events.filter((e) => e.type === 'usage');
  const total = { input: 0, output: 0, cacheRead: 0, reasoning: 0, requests: usage.length };
  for (const u of usage) {
    total.input += u.tokens.input;
    total.output += u.tokens.output;
    total.cacheRead += u.tokens.cacheRead;
    total.reasoning += u.tokens.reasoning;
  }
  return { total, events };
}

describe.skipIf(!existsSync(dir))('real Gemini CLI samples', () => {
  it('matches ccusage on input and cache, with thoughts inside output (2026 chat)', async () => {
    const { total, events } = await sums('Mai0313__VibeCodingTracker/examples/test_conversation_gemini.json');
    // ccusage: input 36522, output 9325 (thoughts apart), cacheRead 39826, total 97289.
    expect(total).toEqual({ input: 36_522, output: 9_325 + 11_616, cacheRead: 39_826, reasoning: 11_616, requests: 3 });
    expect(total.input + total.output + total.cacheRead).toBe(97_289);
    expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
  });

  it('matches ccusage on the 2025 chat, zero-token turns not counted as requests', async () => {
    const { total, events } = await sums('Mai0313__VibeCodingTracker/@bcec23fa/examples/test_conversation_gemini.json');
    expect(total).toEqual({ input: 54_874, output: 851 + 1_546, cacheRead: 121_305, reasoning: 1_546, requests: 9 });
    expect(events.find((e) => e.type === 'activity')).toMatchObject({
      sessionExternalId: '2d9ea14f-1e4e-44f6-8bf5-7a7819cb1cd9',
      firstAt: '2025-10-11T13:00:34.434Z',
      lastAt: '2025-10-11T13:02:03.227Z',
      models: ['gemini-2.5-pro'],
    });
  });

  it('reads every sample without throwing', async () => {
    const files = [
      'jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/gemini/jsonl_v040.jsonl',
      'jazzyalex__agent-sessions/Resources/Fixtures/stage0/agents/gemini/schema_drift.json',
      'kenn-io__agentsview/internal/parser/testdata/gemini/standard_session.json',
      'codemie-ai__codemie-code/tests/integration/metrics/fixtures/gemini/logs.json',
    ];
    for (const file of files) {
      const { events } = await sums(file);
      expect(events.at(-1)?.type, file).toBe('checkpoint');
    }
  });
});
