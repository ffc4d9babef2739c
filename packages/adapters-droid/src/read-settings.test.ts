import { utimes } from 'node:fs/promises';
import type { AdapterEvent, CheckpointEvent, ReadPosition } from '@rimuru/core';
import { droidSettingsJson } from '@rimuru/test-utils/droid';
import { collectEvents, totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { createTempHome, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDroidSettings } from './read-settings.js';

const ID = '0b9e2c1a-1111-4222-8333-444455556666';
const START: ReadPosition = { offset: 0, state: null };
let home: TempHome;
let path: string;

beforeEach(async () => {
  home = await createTempHome('rimuru-droid-settings-');
});
afterEach(async () => home.cleanup());

async function write(
  usage: [number, number, number, number, number] | null,
  atIso: string,
  model = 'claude-sonnet-4-5',
): Promise<void> {
  const tokenUsage =
    usage === null
      ? undefined
      : {
          inputTokens: usage[0],
          outputTokens: usage[1],
          cacheCreationTokens: usage[2],
          cacheReadTokens: usage[3],
          thinkingTokens: usage[4],
        };
  path = await home.write(
    `.factory/sessions/-p/${ID}.settings.json`,
    droidSettingsJson({ model, providerLock: 'anthropic', ...(tokenUsage ? { tokenUsage } : {}) }),
  );
  await utimes(path, new Date(atIso), new Date(atIso));
}

const read = (from: ReadPosition) => collectEvents(readDroidSettings(path, from));
const position = (events: AdapterEvent[]): ReadPosition => {
  const cp = events.filter((e): e is CheckpointEvent => e.type === 'checkpoint').at(-1);
  if (cp === undefined) throw new Error('no checkpoint');
  return { offset: cp.offset, state: cp.state };
};
const totals = (events: AdapterEvent[]) => totalsBySession(usageEvents(events)).get(ID)?.tokens;

describe('readDroidSettings', () => {
  it('emits the first snapshot as one event at the file time, thinking inside output', async () => {
    await write([100, 50, 20, 10, 5], '2026-04-01T10:00:00.000Z');
    const events = await read(START);
    const usage = usageEvents(events);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({
      sessionExternalId: ID,
      dedupeKey: `${ID}:0:0`,
      occurredAt: '2026-04-01T10:00:00.000Z',
      model: 'claude-sonnet-4-5',
      tokens: { input: 100, output: 55, cacheRead: 10, cacheWrite5m: 20, cacheWrite1h: 0, reasoning: 5 },
    });
    expect(events.find((e) => e.type === 'activity')).toMatchObject({
      tokensKnown: true,
      models: ['claude-sonnet-4-5'],
    });
  });

  it('with the checkpoint history, a grown snapshot adds only the difference at its own time', async () => {
    await write([100, 50, 20, 10, 5], '2026-04-01T10:00:00.000Z');
    const first = await read(START);
    await write([300, 80, 20, 900, 9], '2026-04-01T11:00:00.000Z', 'gpt-5');
    const second = await read(position(first));
    const usage = usageEvents(second);
    expect(usage.map((e) => [e.dedupeKey, e.occurredAt, e.model, e.requestCount])).toEqual([
      // Each difference sums every request since the previous snapshot: a count nobody kept.
      [`${ID}:0:0`, '2026-04-01T10:00:00.000Z', 'claude-sonnet-4-5', null],
      [`${ID}:0:185`, '2026-04-01T11:00:00.000Z', 'gpt-5', null],
    ]);
    expect(usage[1]?.tokens).toMatchObject({ input: 200, output: 34, cacheRead: 890, cacheWrite5m: 0, reasoning: 4 });
    expect(totals([...first, ...second])).toMatchObject({
      input: 300,
      output: 89,
      cacheRead: 900,
      cacheWrite5m: 20,
      reasoning: 9,
    });
  });

  it('without a history (snapshot re-read from scratch) never counts a token twice', async () => {
    await write([100, 50, 20, 10, 5], '2026-04-01T10:00:00.000Z');
    const first = await read(START);
    await write([300, 80, 20, 900, 9], '2026-04-01T11:00:00.000Z');
    const second = await read(START);
    expect(totals([...first, ...second])).toMatchObject({ input: 300, output: 89, cacheRead: 900, cacheWrite5m: 20 });
  });

  it('a counter reset starts a new epoch: no negative and no doubled counts', async () => {
    await write([100, 50, 0, 0, 0], '2026-04-01T10:00:00.000Z');
    const first = await read(START);
    await write([30, 10, 0, 0, 0], '2026-04-01T11:00:00.000Z');
    const second = await read(position(first));
    await write([30, 10, 0, 0, 0], '2026-04-01T11:00:00.000Z');
    const third = await read(position(second));
    expect(usageEvents(third).map((e) => e.dedupeKey)).toEqual([`${ID}:0:0`, `${ID}:1:0`]);
    expect(totals([...first, ...second, ...third])).toMatchObject({ input: 130, output: 60 });
  });

  it('re-reading an unchanged file from its own checkpoint says the same', async () => {
    await write([7, 8, 9, 10, 11], '2026-04-01T10:00:00.000Z');
    const first = await read(START);
    expect(await read(position(first))).toEqual(first);
  });

  it('a torn or broken rewrite is a diagnostic and keeps the history', async () => {
    await write([100, 50, 0, 0, 0], '2026-04-01T10:00:00.000Z');
    const first = await read(START);
    path = await home.write(`.factory/sessions/-p/${ID}.settings.json`, '{"model": "x", "tokenUs');
    const broken = await read(position(first));
    expect(broken.some((e) => e.type === 'diagnostic' && e.code === 'invalid-json')).toBe(true);
    expect(position(broken).state).toEqual(position(first).state);
    expect(usageEvents(broken)).toEqual(usageEvents(first));
  });

  it('a settings file without tokenUsage gives a session with unknown tokens', async () => {
    await write(null, '2026-04-01T10:00:00.000Z');
    const events = await read(START);
    expect(usageEvents(events)).toEqual([]);
    expect(events.find((e) => e.type === 'activity')).toMatchObject({
      tokensKnown: false,
      firstAt: '2026-04-01T10:00:00.000Z',
    });
  });
});
