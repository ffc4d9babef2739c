import type { AdapterEvent, SessionActivity, UsageEvent } from '@rimuru/core';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { writeClineHome, type ClineFamilyHome } from '@rimuru/test-utils/cline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clineAdapter } from './index.js';

async function readEverything(home: TempHome): Promise<AdapterEvent[]> {
  const ctx = testAdapterContext({ homeDir: home.dir });
  const events: AdapterEvent[] = [];
  for (const source of await clineAdapter.discover(ctx)) {
    for await (const event of clineAdapter.read(source, { offset: 0, state: null }, ctx)) events.push(event);
  }
  return events;
}

describe('cline adapter on a generated home', () => {
  let home: TempHome;
  let generated: ClineFamilyHome;
  let events: AdapterEvent[];
  beforeAll(async () => {
    home = await createTempHome('rimuru-cline-gen-');
    generated = await writeClineHome(home.dir, 11);
    events = await readEverything(home);
  });
  afterAll(() => home.cleanup());

  it('finds every task of every storage location, with no diagnostics', () => {
    const sessions = new Set(events.filter((e) => e.type === 'activity').map((e) => (e as SessionActivity).sessionExternalId));
    expect([...sessions].sort()).toEqual(generated.truth.map((t) => t.taskId).sort());
    expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
  });

  it('gives each task the generator’s token classes, request count, cost and models', () => {
    const usage = events.filter((e): e is UsageEvent => e.type === 'usage');
    for (const truth of generated.truth) {
      const mine = usage.filter((u) => u.sessionExternalId === truth.taskId);
      const sum = (pick: (u: UsageEvent) => number) => mine.reduce((acc, u) => acc + pick(u), 0);
      expect(
        {
          input: sum((u) => u.tokens.input),
          output: sum((u) => u.tokens.output),
          cacheRead: sum((u) => u.tokens.cacheRead),
          cacheWrite: sum((u) => u.tokens.cacheWrite5m + u.tokens.cacheWrite1h),
          requests: mine.length,
          models: [...new Set(mine.map((u) => u.model))].sort(),
        },
        truth.taskId,
      ).toEqual({
        input: truth.input,
        output: truth.output,
        cacheRead: truth.cacheRead,
        cacheWrite: truth.cacheWrite,
        requests: truth.requests,
        models: [...truth.models].sort(),
      });
      expect(sum((u) => u.recordedCostUsd ?? 0)).toBeCloseTo(truth.costUsd, 9);
      expect(new Set(mine.map((u) => u.dedupeKey)).size).toBe(mine.length);
    }
  });

  it('gives each task its project and activity span', () => {
    const activities = events.filter((e): e is SessionActivity => e.type === 'activity');
    for (const truth of generated.truth) {
      const activity = activities.find((a) => a.sessionExternalId === truth.taskId);
      expect(activity?.projectPath, truth.taskId).toBe(truth.projectPath);
      expect(activity?.firstAt).toBe(new Date(truth.firstAtMs).toISOString());
      expect(activity?.lastAt).toBe(new Date(truth.lastAtMs).toISOString());
      expect(activity?.tokensKnown).toBe(true);
      expect(activity?.title).toMatch(/^Fix bug number \d+/);
    }
  });
});
