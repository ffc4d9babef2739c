// @module-tag built
import { cacheWriteTokens, totalTokens } from '@rimuru/core';
import { generateClaudeHome, type ClaudeHomeTruth } from '@rimuru/test-utils/claude';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runCli } from './cli-harness.js';

/**
 * A generated Claude Code home (streamed duplicates, subagents, sidechain replays, compaction
 * agents, progress copies) read through the real binary: every session exactly as the
 * generator's truth says.
 */
describe('rimuru sessions on a generated Claude Code home', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let truth: ClaudeHomeTruth;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    truth = await generateClaudeHome(sandbox.home, { sessions: 120, requestsPerSession: 12, seed: 20261125 });
  });
  afterAll(async () => sandbox.cleanup());

  it('lists every session once with exact token classes, times, project, models and request count', async () => {
    const result = await runCli(['sessions', '--format', 'json', '--limit', '1000000'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    const sessions = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(sessions).toHaveLength(truth.sessions.length);
    const byId = new Map(sessions.map((s) => [s.externalId as string, s]));
    for (const expected of truth.sessions) {
      const s = byId.get(expected.sessionId);
      expect(s, expected.sessionId).toBeDefined();
      expect(s).toMatchObject({
        projectPath: expected.projectPath,
        startedAt: expected.startedAt,
        endedAt: expected.endedAt,
        inputTokens: expected.tokens.input,
        outputTokens: expected.tokens.output,
        cacheReadTokens: expected.tokens.cacheRead,
        cacheWriteTokens: cacheWriteTokens(expected.tokens),
        totalTokens: totalTokens(expected.tokens),
        models: expected.models,
        requestCount: expected.requestCount,
        status: 'completed',
      });
    }
  });

  it('matches the truth in aggregate: stats over all time', async () => {
    const result = await runCli(['sessions', 'stats', '--range', 'all', '--format', 'json', '--no-sync'], sandbox.env);
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout) as Record<string, number>;
    const all = truth.sessions.reduce((sum, s) => sum + totalTokens(s.tokens), 0);
    expect(stats.totalSessions).toBe(truth.sessions.length);
    expect(stats.totalTokens).toBe(all);
  });
});
