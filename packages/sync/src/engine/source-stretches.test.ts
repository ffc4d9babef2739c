import type { AdapterEvent } from '@rimuru/core';
import { describe, expect, it } from 'vitest';
import { stretchesOf, type Stretch } from './source-stretches.js';

// eslint-disable-next-line @typescript-eslint/require-await -- the async source stretchesOf reads, over fixed events
async function* events(...list: AdapterEvent[]): AsyncGenerator<AdapterEvent> {
  yield* list;
}

async function collect(source: AsyncIterable<AdapterEvent>): Promise<Stretch[]> {
  const out: Stretch[] = [];
  for await (const stretch of stretchesOf(source)) out.push(stretch);
  return out;
}

const usage = (key: string): AdapterEvent => ({
  type: 'usage',
  sessionExternalId: 's',
  dedupeKey: key,
  rank: 1,
  replayKey: null,
  isReplayCopy: false,
  occurredAt: '2026-01-01T00:00:00.000Z',
  model: null,
  tokens: { input: 1, output: 1, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, reasoning: 0 },
  recordedCostUsd: null,
  speed: null,
  line: 1,
});
const activity = (id: string): AdapterEvent => ({
  type: 'activity',
  sessionExternalId: id,
  firstAt: '2026-01-01T00:00:00.000Z',
  lastAt: '2026-01-01T00:00:00.000Z',
  projectPath: null,
  parentExternalId: null,
  tokensKnown: true,
  title: null,
});
const warning = (line: number): AdapterEvent => ({
  type: 'diagnostic',
  severity: 'warning',
  code: 'invalid-json',
  message: 'x',
  line,
});
const checkpoint = (offset: number): AdapterEvent => ({ type: 'checkpoint', offset, state: { line: offset } });

describe('stretchesOf', () => {
  it('closes a stretch at every checkpoint, keeping each kind in order', async () => {
    const stretches = await collect(
      events(usage('a'), warning(1), activity('s'), usage('b'), warning(2), checkpoint(10), usage('c'), checkpoint(20)),
    );
    expect(
      stretches.map((s) => [
        s.usage.map((u) => (u.type === 'usage' ? u.dedupeKey : '')),
        s.activity.length,
        s.diagnostics.map((d) => d.line),
        s.checkpoint?.offset,
      ]),
    ).toEqual([
      [['a', 'b'], 1, [1, 2], 10],
      [['c'], 0, [], 20],
    ]);
  });

  it('ends with an open stretch when events follow the last checkpoint, and with none otherwise', async () => {
    const unreadable: AdapterEvent = {
      type: 'diagnostic',
      severity: 'error',
      code: 'unreadable-source',
      message: 'gone',
      line: null,
    };
    expect(await collect(events(unreadable))).toEqual([
      { usage: [], activity: [], diagnostics: [unreadable], checkpoint: null },
    ]);
    expect(await collect(events(checkpoint(5)))).toHaveLength(1);
    expect(await collect(events())).toEqual([]);
  });
});
