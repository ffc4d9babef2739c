import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { testAdapterContext, withTempHome } from '@rimuru/test-utils/fs-home';
import { describeRealSamples, moreAgentsOracle, REAL_SAMPLES_DIR, samplePath } from '@rimuru/test-utils/real-samples';
import { glob } from 'tinyglobby';
import { expect, it } from 'vitest';
import { openclawAdapter } from './adapter.js';

const dir = samplePath('openclaw');

describeRealSamples('real OpenClaw samples', ['openclaw'], () => {
  const oracle = moreAgentsOracle();

  it('finds no tokens where ccusage reported nothing, and marks those transcripts as tokens unknown', async () => {
    const files = await glob('**/*.jsonl', { cwd: dir, absolute: true });
    expect(files.length).toBe(3);
    for (const file of files) {
      expect(oracle[relative(REAL_SAMPLES_DIR, file)]?.sessions, file).toEqual([]);
      const events: AdapterEvent[] = await collectEvents(
        openclawAdapter.read(
          { path: file, mode: 'append' },
          { offset: 0, state: null },
          testAdapterContext({ homeDir: '/nonexistent' }),
        ),
      );
      expect(usageEvents(events), file).toEqual([]);
      const activity = events.filter((e): e is SessionActivity => e.type === 'activity');
      expect(activity.length, file).toBeGreaterThan(0);
      expect(
        activity.every((a) => !a.tokensKnown && a.requestCount !== undefined && a.requestCount > 0),
        file,
      ).toBe(true);
    }
  });

  it('places the samples as place-more-agents.sh does and reads each with its cwd; the drift sample reports its unknown entry', async () => {
    await withTempHome(async (home) => {
      const files = await glob('**/*.jsonl', { cwd: dir, absolute: true });
      for (const f of files)
        await home.write(`.openclaw/agents/main/sessions/${f.split('/').pop() ?? ''}`, readFileSync(f));
      const ctx = testAdapterContext({ homeDir: home.dir });
      const byName = new Map<string, AdapterEvent[]>();
      for (const source of await openclawAdapter.discover(ctx)) {
        byName.set(
          source.path.split('/').pop() ?? '',
          await collectEvents(openclawAdapter.read(source, { offset: 0, state: null }, ctx)),
        );
      }
      expect([...byName.keys()].sort()).toEqual(['large.jsonl', 'schema_drift.jsonl', 'small.jsonl']);
      const large = byName.get('large.jsonl') ?? [];
      expect(large.find((e): e is SessionActivity => e.type === 'activity')).toMatchObject({
        sessionExternalId: 'large',
        projectPath: '/tmp/large',
        models: ['openclaw-large'],
      });
      const drift = byName.get('schema_drift.jsonl') ?? [];
      expect(drift.flatMap((e) => (e.type === 'diagnostic' ? [e.code] : []))).toEqual(['unknown-record']);
    });
  });
});
