// @module-tag built
// @module-tag postgres
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { copilotEventsPath, copilotSessionStart, copilotShutdown, jsonl } from '@rimuru/test-utils/copilot';
import { describe, expect, it } from 'vitest';
import { writeClaudeFixture } from './claude-fixture-home.js';
import { CLI_BACKENDS, useCliMachine } from './cli-harness.js';

/**
 * Copilot's premium requests and AI credits, from the CLI's session.shutdown to `sessions
 * show`, `costs` and the reports: units of the plan, shown where records carried them, and
 * nowhere for agents that keep none.
 */
const SID = 'c0ffee00-0000-4000-8000-0000000000aa';
const DAY = '2026-03-02';

interface PlanUnits {
  premiumRequests?: number;
  aiCredits?: number;
}

describe.each(CLI_BACKENDS)('Copilot plan units on $name', (backend) => {
  const { run, json } = useCliMachine(backend, async ({ home }) => {
    const file = join(home, copilotEventsPath(SID));
    await mkdir(dirname(file), { recursive: true });
    const usage = { inputTokens: 12_000, outputTokens: 800, cacheReadTokens: 9_000, cacheWriteTokens: 1_000 };
    await writeFile(
      file,
      jsonl([
        copilotSessionStart({ id: 'e1', timestamp: `${DAY}T09:00:00.000Z`, sessionId: SID, cwd: '/work/app' }),
        copilotShutdown({
          id: 'sd-1',
          timestamp: `${DAY}T09:40:00.000Z`,
          modelMetrics: {},
          rawModelMetrics: {
            // Three requests to a 0.33× model, as the CLI sums them; the other model is included (0×).
            'claude-haiku-4.5': {
              requests: { count: 3, cost: 0.9900000000000001 },
              totalNanoAiu: 1_250_000_000,
              usage,
            },
            'gpt-5-mini': { requests: { count: 2, cost: 0 }, totalNanoAiu: 250_000_000, usage },
          },
        }),
      ]) + '\n',
    );
    await writeClaudeFixture(home);
  });

  it("sessions show: the session's premium requests and AI credits, in JSON and as a line", async () => {
    await run('sessions'); // syncs first
    const show = await json<PlanUnits>('sessions', 'show', SID, '--no-sync');
    expect(show).toMatchObject({ premiumRequests: 0.99, aiCredits: 1.5 });
    const table = await run('sessions', 'show', SID, '--no-sync');
    expect(table).toMatch(/Plan units\s+0\.99 premium requests · 1\.5 AI credits/);
  });

  it('costs: per agent and per model where records carried them, never for other agents', async () => {
    const byAgent = await json<{ rows: (PlanUnits & { name: string })[]; totals: PlanUnits }>(
      'costs',
      'summary',
      '--range',
      'all',
      '--no-sync',
    );
    const copilot = byAgent.rows.find((r) => r.name === 'copilot')!;
    expect(copilot).toMatchObject({ premiumRequests: 0.99, aiCredits: 1.5 });
    for (const other of byAgent.rows.filter((r) => r.name !== 'copilot')) {
      expect(other, other.name).not.toHaveProperty('premiumRequests');
      expect(other, other.name).not.toHaveProperty('aiCredits');
    }
    expect(byAgent.totals).toMatchObject({ premiumRequests: 0.99, aiCredits: 1.5 });
    const byModel = await json<{ rows: (PlanUnits & { name: string })[] }>(
      'costs',
      'by-model',
      '--range',
      'all',
      '--no-sync',
    );
    expect(
      byModel.rows
        .filter((r) => r.premiumRequests !== undefined)
        .map((r) => [r.name, r.premiumRequests, r.aiCredits])
        .sort(),
    ).toEqual([
      ['claude-haiku-4.5', 0.99, 1.25],
      ['gpt-5-mini', 0, 0.25],
    ]);
    expect(await run('costs', 'summary', '--range', 'all', '--no-sync')).toMatch(
      /Plan units \(not dollars\): copilot 0\.99 premium requests · 1\.5 AI credits/,
    );
  });

  it("reports: per period in JSON, the range's total as a line", async () => {
    const daily = await json<{ rows: (PlanUnits & { period: string })[]; totals: PlanUnits }>(
      'report',
      'daily',
      '--since',
      '2020-01-01',
      '--timezone',
      'UTC',
      '--no-sync',
    );
    const day = daily.rows.find((r) => r.period === DAY)!;
    expect(day).toMatchObject({ premiumRequests: 0.99, aiCredits: 1.5 });
    expect(daily.rows.filter((r) => r.period !== DAY).every((r) => r.premiumRequests === undefined)).toBe(true);
    expect(daily.totals).toMatchObject({ premiumRequests: 0.99, aiCredits: 1.5 });
    expect(await run('report', 'daily', '--since', '2020-01-01', '--timezone', 'UTC', '--no-sync')).toContain(
      'Plan units (GitHub Copilot, not dollars): 0.99 premium requests · 1.5 AI credits.',
    );
  });
});
