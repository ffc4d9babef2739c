import type { AdapterEvent, SessionActivity, UsageEvent } from '@rimuru/core';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { writeRooCodeHome, type ClineFamilyHome } from '@rimuru/test-utils/roo-code';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rooCodeAdapter } from './index.js';

describe('roo-code adapter on a generated home', () => {
  let home: TempHome;
  let generated: ClineFamilyHome;
  const events: AdapterEvent[] = [];
  beforeAll(async () => {
    home = await createTempHome('rimuru-roo-code-gen-');
    generated = await writeRooCodeHome(home.dir, 23);
    const ctx = testAdapterContext({ homeDir: home.dir });
    for (const source of await rooCodeAdapter.discover(ctx)) {
      for await (const event of rooCodeAdapter.read(source, { offset: 0, state: null }, ctx)) events.push(event);
    }
  });
  afterAll(() => home.cleanup());

  it('reads every task without diagnostics', () => {
    const sessions = events.filter((e): e is SessionActivity => e.type === 'activity').map((e) => e.sessionExternalId);
    expect(sessions.sort()).toEqual(generated.truth.map((t) => t.taskId).sort());
    expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
  });

  it('splits the cache out of tokensIn by protocol and date, and names the prompt’s model', () => {
    const usage = events.filter((e): e is UsageEvent => e.type === 'usage');
    for (const truth of generated.truth) {
      const mine = usage.filter((u) => u.sessionExternalId === truth.taskId);
      const sum = (pick: (u: UsageEvent) => number) => mine.reduce((acc, u) => acc + pick(u), 0);
      expect(
        {
          input: sum((u) => u.tokens.input),
          output: sum((u) => u.tokens.output),
          cacheRead: sum((u) => u.tokens.cacheRead),
          cacheWrite: sum((u) => u.tokens.cacheWrite5m),
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
    }
  });

  it('takes the project from history_item.json or the prompt’s workspace line', () => {
    const activities = events.filter((e): e is SessionActivity => e.type === 'activity');
    for (const truth of generated.truth) {
      const activity = activities.find((a) => a.sessionExternalId === truth.taskId);
      expect(activity?.projectPath, truth.taskId).toBe(truth.projectPath);
      expect(activity?.firstAt).toBe(new Date(truth.firstAtMs).toISOString());
      expect(activity?.lastAt).toBe(new Date(truth.lastAtMs).toISOString());
    }
  });
});
