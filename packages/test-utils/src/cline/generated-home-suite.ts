import type { AgentAdapter, AdapterEvent, SessionActivity, UsageEvent } from '@rimuru/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscovered } from '../contract/read-all.js';
import { createTempHome, testAdapterContext, type TempHome } from '../fs-home.js';
import type { ClineFamilyHome, GeneratedTaskTruth } from './index.js';

export interface ClineFamilySuiteOptions {
  /** The adapter of the family under test (its id names the suite and the temp home). */
  adapter: AgentAdapter;
  /** Writes the synthetic home, e.g. `(dir) => writeRooCodeHome(dir, 23)`. */
  writeHome: (dir: string) => Promise<ClineFamilyHome>;
  /** The cache write a task's usage must add up to (Cline: both lifetimes; Roo/Kilo: the 5-minute class). */
  cacheWrite: (usage: UsageEvent) => number;
  /** Compare the distinct session ids instead of one activity per task (Cline). */
  distinctSessions?: boolean;
  /** The three tests' names (defaults: Roo Code's and Kilo Code's). */
  names?: { sessions: string; usage: string; activity: string };
  /** Further checks of one task's usage and of its activity, after the shared ones. */
  checkUsage?: (mine: UsageEvent[], truth: GeneratedTaskTruth) => void;
  checkActivity?: (activity: SessionActivity | undefined, truth: GeneratedTaskTruth) => void;
}

const DEFAULT_NAMES = {
  sessions: 'reads every task without diagnostics',
  usage: 'splits the cache out of tokensIn by protocol and date, and names the prompt’s model',
  activity: 'takes the project from history_item.json or the prompt’s workspace line',
};

/**
 * A Cline-family adapter (Cline, Roo Code, Kilo Code) read over its generated home: every task
 * found, with the generator's token classes, request count, cost, models, project and span.
 */
export function describeClineFamilyGeneratedHome(options: ClineFamilySuiteOptions): void {
  const { adapter, names = DEFAULT_NAMES } = options;
  describe(`${adapter.id} adapter on a generated home`, () => {
    let home: TempHome;
    let generated: ClineFamilyHome;
    let events: AdapterEvent[];
    beforeAll(async () => {
      home = await createTempHome(`rimuru-${adapter.id}-gen-`);
      generated = await options.writeHome(home.dir);
      events = await readDiscovered(adapter, testAdapterContext({ homeDir: home.dir }));
    });
    afterAll(() => home.cleanup());

    it(names.sessions, () => {
      const sessions = events
        .filter((e): e is SessionActivity => e.type === 'activity')
        .map((e) => e.sessionExternalId);
      expect((options.distinctSessions === true ? [...new Set(sessions)] : sessions).sort()).toEqual(
        generated.truth.map((t) => t.taskId).sort(),
      );
      expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
    });

    it(names.usage, () => {
      const usage = events.filter((e): e is UsageEvent => e.type === 'usage');
      for (const truth of generated.truth) {
        const mine = usage.filter((u) => u.sessionExternalId === truth.taskId);
        const sum = (pick: (u: UsageEvent) => number) => mine.reduce((acc, u) => acc + pick(u), 0);
        expect(
          {
            input: sum((u) => u.tokens.input),
            output: sum((u) => u.tokens.output),
            cacheRead: sum((u) => u.tokens.cacheRead),
            cacheWrite: sum(options.cacheWrite),
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
        options.checkUsage?.(mine, truth);
      }
    });

    it(names.activity, () => {
      const activities = events.filter((e): e is SessionActivity => e.type === 'activity');
      for (const truth of generated.truth) {
        const activity = activities.find((a) => a.sessionExternalId === truth.taskId);
        expect(activity?.projectPath, truth.taskId).toBe(truth.projectPath);
        expect(activity?.firstAt).toBe(new Date(truth.firstAtMs).toISOString());
        expect(activity?.lastAt).toBe(new Date(truth.lastAtMs).toISOString());
        options.checkActivity?.(activity, truth);
      }
    });
  });
}
