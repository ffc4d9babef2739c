import type { AdapterEvent } from '@rimuru/core';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describeRealSamples, samplePath } from '@rimuru/test-utils/real-samples';
import { glob } from 'tinyglobby';
import { expect, it } from 'vitest';
import { crushAdapter } from './adapter.js';

// The corpus holds no Crush capture yet (MORE-AGENTS.md: `.crush/crush.db` not found publicly) and
// ccusage 20 has no Crush reader, so there is no oracle: this reads whatever lands in
// real-samples/crush/ and requires clean reads that claim no tokens.
const crushDir = samplePath('crush');

describeRealSamples('real Crush samples', ['crush'], () => {
  it('reads every store without errors, with unknown tokens and costs only on top-level sessions', async () => {
    const files = await glob(['**/crush.db'], { cwd: crushDir, absolute: true, dot: true });
    expect(files.length).toBeGreaterThan(0);
    const ctx = testAdapterContext({ homeDir: crushDir });
    for (const path of files) {
      const events: AdapterEvent[] = await collectEvents(
        crushAdapter.read({ path, mode: 'snapshot' }, { offset: 0, state: null }, ctx),
      );
      expect(
        events.filter((e) => e.type === 'diagnostic' && e.severity === 'error'),
        path,
      ).toEqual([]);
      expect(events.at(-1)?.type, path).toBe('checkpoint');
      const activities = events.filter((e) => e.type === 'activity');
      expect(
        activities.every((a) => !a.tokensKnown),
        path,
      ).toBe(true);
      const topLevel = new Set(activities.filter((a) => a.parentExternalId === null).map((a) => a.sessionExternalId));
      for (const u of usageEvents(events)) {
        expect(
          Object.values(u.tokens).every((n) => n === 0),
          path,
        ).toBe(true);
        expect(topLevel.has(u.sessionExternalId), path).toBe(true);
      }
    }
  });
});
