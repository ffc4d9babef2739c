import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { AdapterEvent, CheckpointEvent, SessionActivity } from '@rimuru/core';
import { collectEvents, totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { glob } from 'tinyglobby';
import {
  ccusageClasses,
  describeRealSamples,
  moreAgentsOracle,
  oracleClasses,
  REAL_SAMPLES_DIR,
  samplePath,
} from '@rimuru/test-utils/real-samples';
import { expect, it } from 'vitest';
import { readPiSessionFile } from './read-session.js';
import { piSessionIdFromPath } from './session-id.js';

const piDir = samplePath('pi');

const read = (path: string): Promise<AdapterEvent[]> =>
  collectEvents(
    readPiSessionFile(
      path,
      { offset: 0, state: null },
      { sessionExternalId: piSessionIdFromPath(path), parentIdFromPath: piSessionIdFromPath },
    ),
  );

describeRealSamples('real pi samples', ['pi'], () => {
  const oracle = moreAgentsOracle();

  it('matches ccusage per session and per token class on every sample', async () => {
    const files = await glob('**/*.jsonl', { cwd: piDir, absolute: true });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const events = await read(file);
      const bytes = await readFile(file);
      expect((events.filter((e) => e.type === 'checkpoint').at(-1) as CheckpointEvent).offset).toBe(
        bytes.lastIndexOf(0x0a) + 1,
      );
      const entry = oracle[relative(REAL_SAMPLES_DIR, file)];
      expect(entry, file).toBeDefined();
      const ours = totalsBySession(usageEvents(events));
      expect(ours.size).toBe(entry?.sessions.length);
      for (const s of entry?.sessions ?? []) {
        const got = ours.get(s.sessionId)?.tokens;
        expect(got && ccusageClasses(got), file).toEqual(oracleClasses(s));
      }
    }
  });

  it('reports the malformed line and the unknown entry type of the agentsview sample, and reads its cwd and branch parent', async () => {
    const events = await read(join(piDir, 'kenn-io__agentsview/internal/parser/testdata/pi/session.jsonl'));
    expect(events.flatMap((e) => (e.type === 'diagnostic' ? [e.code] : []))).toEqual([
      'invalid-json',
      'unknown-record',
    ]);
    const activity = events.find((e): e is SessionActivity => e.type === 'activity');
    expect(activity).toMatchObject({ projectPath: '/Users/alice/code/my-project', parentExternalId: 'parent-uuid' });
    // Both calls carry a recorded cost: $0.01 + $0.005 (ccusage's $0.015).
    expect(usageEvents(events).reduce((sum, u) => sum + (u.recordedCostUsd ?? 0), 0)).toBeCloseTo(0.015, 10);
  });
});
