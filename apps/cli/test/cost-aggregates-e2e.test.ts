// @module-tag built
// @module-tag postgres
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundledPriceTable, computeCostNanos, type TokenCounts } from '@rimuru/core';
import { copilotEventsPath, copilotSessionStart, copilotShutdown, jsonl } from '@rimuru/test-utils/copilot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BACKENDS, makeSandbox, runCli } from './cli-harness.js';

/**
 * Requests vs aggregates, end to end: a Copilot CLI run's model metrics sum every request of
 * the run, so a run whose Sonnet 4.5 input adds up past 200k tokens is still priced at base
 * prices. The expectation is core's formula, never the CLI's own figure.
 */
const SID = 'c0ffee00-0000-4000-8000-000000000001';
const SONNET = bundledPriceTable().get(bundledPriceTable().lookup('claude-sonnet-4.5').key!)!;
// inputTokens includes both cache classes: non-cached input = 262 000 − 160 000 − 4 000.
const RUN: TokenCounts = {
  input: 98_000,
  output: 12_000,
  cacheRead: 160_000,
  cacheWrite5m: 4_000,
  cacheWrite1h: 0,
  reasoning: 0,
};
const base = computeCostNanos(RUN, SONNET, { speed: null, requestCount: 14 });
const asOneRequest = computeCostNanos(RUN, SONNET, { speed: null });

interface SessionRow {
  externalId: string;
  agentType: string;
  costUsd: number;
  costSource: string;
  inputTokens: number;
}
interface ShowJson {
  costBreakdown: { model: string; longContextRequests: number; costUsd: number }[];
}

describe.each(CLI_BACKENDS)('a Copilot CLI run summed past 200k on $name', ({ database }) => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let env: Record<string, string>;
  let drop: () => Promise<void>;

  const json = async <T>(...args: string[]): Promise<T> => {
    const r = await runCli([...args, '--format', 'json'], env);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const db = await database();
    drop = db.drop;
    env = { ...sandbox.env, ...db.env };
    const file = join(sandbox.home, copilotEventsPath(SID));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(
      file,
      jsonl([
        copilotSessionStart({ id: 'e1', timestamp: '2026-03-02T09:00:00.000Z', sessionId: SID, cwd: '/work/app' }),
        copilotShutdown({
          id: 'sd-1',
          timestamp: '2026-03-02T09:40:00.000Z',
          modelMetrics: {
            'claude-sonnet-4.5': {
              inputTokens: 262_000,
              outputTokens: 12_000,
              cacheReadTokens: 160_000,
              cacheWriteTokens: 4_000,
              requests: 14,
            },
          },
        }),
      ]) + '\n',
    );
  });
  afterAll(async () => {
    await drop?.();
    await sandbox?.cleanup();
  });

  it('is priced at base prices, not as one long-context request', async () => {
    // The old rule would have billed every token of the run at the above-200k rate.
    expect(asOneRequest).toBeGreaterThan(base);
    const sessions = await json<SessionRow[]>('sessions', '--cost-mode', 'calculate');
    const run = sessions.find((s) => s.agentType === 'copilot' && s.externalId === SID)!;
    expect(run).toMatchObject({ costSource: 'calculated', inputTokens: RUN.input });
    expect(run.costUsd).toBeCloseTo(Number(base) / 1e9, 6);
    const show = await json<ShowJson>('sessions', 'show', SID, '--no-sync');
    expect(show.costBreakdown).toHaveLength(1);
    expect(show.costBreakdown[0]).toMatchObject({ model: 'claude-sonnet-4.5', longContextRequests: 0 });
  });
});
