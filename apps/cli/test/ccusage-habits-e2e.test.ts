// @module-tag built
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeAssistantLine } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';

/** One request a day on Jan 1, 3 and 5 (UTC), each its own session. */
const DAYS = ['2026-01-01', '2026-01-03', '2026-01-05'];

describe("ccusage's habits: --json, short command names, --since/--until", () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const run = (...args: string[]) => runCli(args, sandbox.env);
  const json = async (...args: string[]) => {
    const result = await run(...args);
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    return JSON.parse(result.stdout) as unknown;
  };

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const dir = join(sandbox.home, '.claude', 'projects', '-w');
    mkdirSync(dir, { recursive: true });
    DAYS.forEach((day, i) => {
      const sid = `abcd000${i}-0000-4000-8000-00000000000${i}`;
      const line = claudeAssistantLine({
        sessionId: sid,
        cwd: '/w',
        timestamp: `${day}T10:00:00.000Z`,
        model: 'claude-sonnet-4-5',
        messageId: `m${i}`,
        requestId: `r${i}`,
        usage: { input: 100, output: 10 },
      });
      writeFileSync(join(dir, `${sid}.jsonl`), `${line}\n`);
    });
    expect((await run('sync')).code).toBe(0);
  });
  afterAll(() => sandbox.cleanup());

  it('--json is --format json on every command that takes --format', async () => {
    const pairs: string[][] = [
      ['sessions', '--no-sync'],
      ['sessions', 'show', 'abcd0000', '--no-sync'],
      ['sessions', 'stats', '--range', 'all', '--no-sync'],
      ['agents', '--no-sync'],
      ['costs', 'by-model', '--range', 'all', '--no-sync'],
      ['report', 'daily', '--no-sync'],
      ['models', 'list'],
      ['config', 'get'],
    ];
    for (const command of pairs) {
      const short = await run(...command, '--json');
      const long = await run(...command, '--format', 'json');
      expect(short.code, `${command.join(' ')}: ${short.stderr}`).toBe(0);
      expect(short.stdout, command.join(' ')).toBe(long.stdout);
    }
    // Commands with a --format of their own take it too.
    expect(await json('doctor', '--json')).toMatchObject({ ok: true });
    expect(await json('sync', '--json')).toMatchObject({ sourcesSeen: 3 });
    expect(await json('export', 'usage', '--json', '--no-sync')).toHaveLength(3);
    const clash = await run('sessions', '--json', '--format', 'table', '--no-sync');
    expect(clash.code).toBe(2);
    expect(clash.stderr.trim()).toBe('Error: --json means --format json, not --format table: give one of them');
  });

  it('daily, weekly, monthly, blocks and session are the reports and the session list', async () => {
    for (const [alias, ...long] of [
      ['daily', 'report', 'daily'],
      ['weekly', 'report', 'weekly'],
      ['monthly', 'report', 'monthly'],
      ['blocks', 'report', 'blocks'],
      ['session', 'sessions'],
    ]) {
      const short = await run(alias!, '--json', '--no-sync');
      expect(short.code, `${alias}: ${short.stderr}`).toBe(0);
      expect(short.stdout, alias).toBe((await run(...long, '--json', '--no-sync')).stdout);
    }
    expect((await run('--help')).stdout).toMatch(/^ {2}daily +/m);
  });

  it('--since and --until wherever --range is taken; alone they start from all, not the default range', async () => {
    const costs = (await json(
      'costs',
      'by-model',
      '--since',
      '20260102',
      '--until',
      '2026-01-04',
      '--json',
      '--no-sync',
    )) as { from: string; to: string; totals: { requestCount: number } };
    expect(costs.from).toBe('2026-01-02T00:00:00.000Z');
    expect(costs.to).toBe('2026-01-05T00:00:00.000Z');
    expect(costs.totals.requestCount).toBe(1);
    // `costs` defaults to today; with --since it reaches back.
    const since = (await json('costs', '--since', '2026-01-03', '--json', '--no-sync')) as {
      range: string;
      totals: { requestCount: number };
    };
    expect(since.range).toBe('all');
    expect(since.totals.requestCount).toBe(2);
    // With --range too, the bounds narrow it.
    const narrowed = (await json(
      'costs',
      'summary',
      '--range',
      'all',
      '--until',
      '2026-01-01',
      '--json',
      '--no-sync',
    )) as { totals: { requestCount: number } };
    expect(narrowed.totals.requestCount).toBe(1);
    const stats = (await json('sessions', 'stats', '--since', '2026-01-03', '--json', '--no-sync')) as {
      totalSessions: number;
    };
    expect(stats.totalSessions).toBe(2);
    const history = (await json('sessions', 'history', '--until', '2026-01-03', '--json', '--no-sync')) as unknown[];
    expect(history).toHaveLength(2);
    const agent = (await json('costs', 'agent', 'claude-code', '--since', '2026-01-05', '--json', '--no-sync')) as {
      totals: { requestCount: number };
    };
    expect(agent.totals.requestCount).toBe(1);
    // The table title names the window.
    expect((await run('costs', '--since', '2026-01-03', '--no-sync')).stdout).toMatch(/^Costs — 2026-01-03 to now$/m);
    const bad = await run('costs', '--since', 'last week', '--no-sync');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Invalid date "last week" for --since: expected YYYY-MM-DD \(or YYYYMMDD\)/);
  });
});
