// @module-tag built
// @module-tag postgres
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nanosToUsd, planPeriodsOf, proratedFeeNanos } from '@rimuru/core';
import { claudeAssistantLine, encodeClaudeProjectDir, jsonl } from '@rimuru/test-utils/claude';
import { CLI_BACKENDS, makeSandbox, runCli } from './cli-harness.js';

const SID = 'c0000000-0000-4000-8000-0000000000c1';
// Unpriced model: the API-equivalent cost is exactly what each line records (costUSD).
const MODEL = 'test-opus-plans';
const REQUESTS = [
  { at: '2026-10-12T09:00:00Z', costUSD: 300 },
  { at: '2026-10-15T18:30:00Z', costUSD: 150 },
  // Outside the range asked about below: no figure may count it.
  { at: '2026-11-20T12:00:00Z', costUSD: 1000 },
];
const MAX = { 'claude-code': { plan: 'claude-max-20x', since: '2026-09-01' } };
// 10 October (inclusive) to 19 October (inclusive): 10 of October's 31 days.
const RANGE = ['--range', 'all', '--since', '2026-10-10', '--until', '2026-10-19', '--timezone', 'UTC'];

interface PlanRow {
  agentType: string;
  plans: string[];
  apiCostUsd: number;
  planFeesUsd: number;
  returnedUsdPerUsd: number | null;
}
interface WithPlans {
  plans?: PlanRow[];
  planTotals?: Omit<PlanRow, 'agentType' | 'plans'>;
  totals?: { costUsd: number };
  totalCostUsd?: number;
}

async function writeHome(home: string): Promise<void> {
  const path = join(home, '.claude', 'projects', encodeClaudeProjectDir('/work/api'), `${SID}.jsonl`);
  const lines = REQUESTS.map((r, i) =>
    claudeAssistantLine({
      sessionId: SID,
      cwd: '/work/api',
      timestamp: r.at,
      model: MODEL,
      messageId: `msg_plans_${i}`,
      requestId: `req_plans_${i}`,
      usage: { input: 100, output: 10 },
      costUSD: r.costUSD,
    }),
  );
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, jsonl(lines));
}

/** The fee core prorates for the range: the plan's share of October, exact to the nano-dollar. */
function expectedFeeUsd(): number {
  const [period] = planPeriodsOf(MAX, 'UTC');
  return nanosToUsd(
    proratedFeeNanos(period!, { from: new Date('2026-10-10T00:00:00Z'), to: new Date('2026-10-20T00:00:00Z') }, 'UTC'),
  );
}

describe.each(CLI_BACKENDS)('plans on $name (built binary)', ({ database }) => {
  let box: Awaited<ReturnType<typeof makeSandbox>>;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let configFile: string;

  const cli = (...args: string[]) => runCli(args, env);
  const ok = async (...args: string[]) => {
    const r = await cli(...args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const json = async (...args: string[]) => JSON.parse(await ok(...args, '--format', 'json')) as WithPlans;
  const config = async (plans: unknown) => {
    await mkdir(join(configFile, '..'), { recursive: true });
    if (plans === undefined) await rm(configFile, { force: true });
    else await writeFile(configFile, JSON.stringify({ plans }));
  };

  beforeAll(async () => {
    box = await makeSandbox();
    const db = await database();
    drop = db.drop;
    env = { ...box.env, ...db.env };
    configFile = join(box.env.XDG_CONFIG_HOME!, 'rimuru', 'config.json');
    await writeHome(box.home);
    await ok('sync');
  });
  afterAll(async () => {
    await box.cleanup();
    await drop();
  });

  it('costs summary: JSON carries the API-equivalent cost and the prorated fee, the table says both', async () => {
    await config(MAX);
    const fee = expectedFeeUsd();
    expect(fee).toBe(64.516129);
    const report = await json('costs', 'summary', ...RANGE, '--no-sync');
    // The report's own figures are unchanged by the plan.
    expect(report.totals!.costUsd).toBe(450);
    expect(report.plans).toEqual([
      {
        agentType: 'claude-code',
        plans: ['Claude Max 20x'],
        apiCostUsd: 450,
        planFeesUsd: fee,
        returnedUsdPerUsd: 6.97,
      },
    ]);
    expect(report.planTotals).toEqual({ apiCostUsd: 450, planFeesUsd: fee, returnedUsdPerUsd: 6.97 });
    const table = await ok('costs', 'summary', ...RANGE, '--no-sync');
    expect(table).toContain('Claude Max 20x (claude-code): 450.00 USD of API-equivalent usage for 64.52 USD (7.0×)');
  });

  it('sessions stats and the reports carry the same plan figures', async () => {
    await config(MAX);
    const stats = await json('sessions', 'stats', ...RANGE, '--no-sync');
    expect(stats.totalCostUsd).toBe(450);
    expect(stats.plans?.[0]).toMatchObject({
      agentType: 'claude-code',
      apiCostUsd: 450,
      planFeesUsd: expectedFeeUsd(),
    });
    expect(await ok('sessions', 'stats', ...RANGE, '--no-sync')).toContain(
      '450.00 USD of API-equivalent usage for 64.52 USD',
    );
    const reportArgs = [
      'report',
      'monthly',
      '--since',
      '2026-10-10',
      '--until',
      '2026-10-19',
      '--timezone',
      'UTC',
      '--no-sync',
    ];
    const monthly = await json(...reportArgs);
    expect(monthly.plans?.[0]).toMatchObject({ apiCostUsd: 450, planFeesUsd: expectedFeeUsd() });
    expect(await ok(...reportArgs)).toContain(
      'Claude Max 20x (claude-code): 450.00 USD of API-equivalent usage for 64.52 USD',
    );
  });

  it('a plans key that names no agent type stops with exit 2 and the closest type', async () => {
    await config({ claude: { plan: 'claude-max-20x', since: '2026-09-01' } });
    const r = await cli('costs', 'summary', ...RANGE, '--no-sync');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown agent type "claude": did you mean claude-code?');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown plan without a fee stops with exit 2 naming the presets', async () => {
    await config({ 'claude-code': { plan: 'claude-maxx', since: '2026-09-01' } });
    const r = await cli('costs', 'summary', ...RANGE, '--no-sync');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"claude-maxx" is not a known plan');
    expect(r.stderr).toContain('claude-max-20x');
  });

  it('without a plan: no plans field, no plan lines, the same report', async () => {
    await config(undefined);
    const report = await json('costs', 'summary', ...RANGE, '--no-sync');
    expect(report).not.toHaveProperty('plans');
    expect(report).not.toHaveProperty('planTotals');
    expect(report.totals!.costUsd).toBe(450);
    expect(await ok('costs', 'summary', ...RANGE, '--no-sync')).not.toContain('API-equivalent');
  });
});
