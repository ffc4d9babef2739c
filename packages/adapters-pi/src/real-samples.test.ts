import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdapterEvent, CheckpointEvent, SessionActivity } from '@rimuru/core';
import { collectEvents, totalsBySession, usageEvents } from '@rimuru/test-utils/claude';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { readPiSessionFile } from './read-session.js';
import { piSessionIdFromPath } from './session-id.js';

// The corpus sits beside the repo (/work/shared next to /work/main); it is never copied in.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const samples = resolve(repoRoot, '../shared/real-samples');
const piDir = join(samples, 'pi');

interface OracleSession {
  sessionId: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
}

const read = (path: string): Promise<AdapterEvent[]> =>
  collectEvents(readPiSessionFile(path, { offset: 0, state: null }, { sessionExternalId: piSessionIdFromPath(path), parentIdFromPath: piSessionIdFromPath }));

describe.skipIf(!existsSync(piDir))('real pi samples', () => {
  const oracle = JSON.parse(readFileSync(join(samples, 'ccusage-oracle-more-agents.json'), 'utf8')) as Record<string, { sessions: OracleSession[] }>;

  it('matches ccusage per session and per token class on every sample', async () => {
    const files = await glob('**/*.jsonl', { cwd: piDir, absolute: true });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const events = await read(file);
      const bytes = await readFile(file);
      expect((events.filter((e) => e.type === 'checkpoint').at(-1) as CheckpointEvent).offset).toBe(bytes.lastIndexOf(0x0a) + 1);
      const entry = oracle[relative(samples, file)];
      expect(entry, file).toBeDefined();
      const ours = totalsBySession(usageEvents(events));
      expect(ours.size).toBe(entry?.sessions.length);
      for (const s of entry?.sessions ?? []) {
        const got = ours.get(s.sessionId)?.tokens;
        expect([got?.input, got?.output, got?.cacheRead, (got?.cacheWrite5m ?? 0) + (got?.cacheWrite1h ?? 0)], file).toEqual([
          s.inputTokens,
          s.outputTokens,
          s.cacheReadTokens,
          s.cacheCreationTokens,
        ]);
      }
    }
  });

  it('reports the malformed line and the unknown entry type of the agentsview sample, and reads its cwd and branch parent', async () => {
    const events = await read(join(piDir, 'kenn-io__agentsview/internal/parser/testdata/pi/session.jsonl'));
    expect(events.flatMap((e) => (e.type === 'diagnostic' ? [e.code] : []))).toEqual(['invalid-json', 'unknown-record']);
    const activity = events.find((e): e is SessionActivity => e.type === 'activity');
    expect(activity).toMatchObject({ projectPath: '/Users/alice/code/my-project', parentExternalId: 'parent-uuid' });
    // Both calls carry a recorded cost: $0.01 + $0.005 (ccusage's $0.015).
    expect(usageEvents(events).reduce((sum, u) => sum + (u.recordedCostUsd ?? 0), 0)).toBeCloseTo(0.015, 10);
  });
});
