// @module-tag built
// @module-tag postgres
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeAssistantLine, encodeClaudeProjectDir, jsonl } from '@rimuru/test-utils/claude';
import { CLI_BACKENDS, makeSandbox, runCli, type CliResult } from './cli-harness.js';
import { startCli } from './live-harness.js';

const DAY_MS = 86_400_000;
const SID_API = 'b0000000-0000-4000-8000-0000000000a1';
const SID_WEB = 'b0000000-0000-4000-8000-0000000000b2';
// Models without a price: what counts is the cost each line records (costUSD), exactly.
const OPUS = 'test-opus-budget';
const SONNET = 'test-sonnet-budget';

interface Req {
  sid: string;
  cwd: string;
  at: Date;
  model: string;
  costUSD: number;
}

/**
 * Spending today (in UTC, the harness zone): $4.75 in all, $3.25 of it on the opus model, $4.50
 * of it in the api project; plus $100 forty days ago that no day, week or month may count.
 */
function requests(): Req[] {
  const now = Date.now();
  // A minute ago, but never before today's UTC midnight: the records must fall in today.
  const today = new Date(Math.max(now - 60_000, now - (now % DAY_MS)));
  return [
    { sid: SID_API, cwd: '/work/api', at: today, model: OPUS, costUSD: 3 },
    { sid: SID_API, cwd: '/work/api', at: today, model: SONNET, costUSD: 1.5 },
    { sid: SID_WEB, cwd: '/work/web', at: today, model: OPUS, costUSD: 0.25 },
    { sid: SID_WEB, cwd: '/work/web', at: new Date(now - 40 * DAY_MS), model: OPUS, costUSD: 100 },
  ];
}

async function writeHome(home: string): Promise<void> {
  const files = new Map<string, string[]>();
  requests().forEach((r, i) => {
    const path = join(home, '.claude', 'projects', encodeClaudeProjectDir(r.cwd), `${r.sid}.jsonl`);
    const line = claudeAssistantLine({
      sessionId: r.sid,
      cwd: r.cwd,
      timestamp: r.at.toISOString(),
      model: r.model,
      messageId: `msg_budget_${i}`,
      requestId: `req_budget_${i}`,
      usage: { input: 100, output: 10 },
      costUSD: r.costUSD,
    });
    files.set(path, [...(files.get(path) ?? []), line]);
  });
  for (const [path, lines] of files) {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, jsonl(lines));
  }
}

interface StatusJson {
  timeZone: string;
  at: string;
  budgets: {
    name: string;
    period: string;
    amountUsd: number;
    spentUsd: number;
    projectedUsd: number;
    remainingUsd: number;
    state: string;
    projectedState: string;
    percentUsed: number;
    periodStart: string;
    periodEnd: string;
    hard: boolean;
  }[];
  exceeded?: string[];
}

/** Runs a shell command line (as Claude Code runs a hook) with exactly `env`. */
function runShell(command: string, env: Record<string, string>, stdin: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const options = { cwd: env.HOME, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...env } };
    const child = execFile('/bin/sh', ['-c', command], options, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe.each(CLI_BACKENDS)('budgets on $name (built binary)', ({ database }) => {
  let box: Awaited<ReturnType<typeof makeSandbox>>;
  let env: Record<string, string>;
  let drop: () => Promise<void>;

  const cli = (...args: string[]) => runCli(args, env);
  const ok = async (...args: string[]) => {
    const r = await cli(...args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const status = async (...args: string[]) =>
    JSON.parse(await ok('budget', 'status', '--format', 'json', ...args)) as StatusJson;
  const removeAll = async () => {
    const list = JSON.parse(await ok('budget', 'list', '--format', 'json')) as { budgets: { name: string }[] };
    for (const b of list.budgets) await ok('budget', 'rm', b.name);
  };

  beforeAll(async () => {
    box = await makeSandbox();
    const db = await database();
    drop = db.drop;
    env = { ...box.env, ...db.env };
    await writeHome(box.home);
  });
  afterAll(async () => {
    await box.cleanup();
    await drop();
  });

  it('set, list, replace and rm, with JSON answers', async () => {
    await removeAll();
    const created: unknown = JSON.parse(
      await ok('budget', 'set', 'team', '--amount', '25', '--period', 'month', '--format', 'json'),
    );
    expect(created).toMatchObject({
      change: 'created',
      budget: { name: 'team', amountUsd: 25, period: 'month', hard: false, agentType: null },
    });
    await ok(
      'budget',
      'set',
      'opus',
      '--amount',
      '$7.50',
      '--period',
      'WEEK',
      '--agent-type',
      'claude-code',
      '--model',
      'opus',
      '--hard',
    );
    const list = JSON.parse(await ok('budget', 'list', '--format', 'json')) as { budgets: Record<string, unknown>[] };
    expect(list.budgets.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest)).toEqual([
      {
        name: 'opus',
        period: 'week',
        amountUsd: 7.5,
        hard: true,
        agentType: 'claude-code',
        project: null,
        model: 'opus',
      },
      { name: 'team', period: 'month', amountUsd: 25, hard: false, agentType: null, project: null, model: null },
    ]);

    const replaced: unknown = JSON.parse(
      await ok('budget', 'set', 'team', '--amount', '30', '--period', 'day', '--project', 'api', '--format', 'json'),
    );
    expect(replaced).toMatchObject({
      change: 'updated',
      budget: { name: 'team', amountUsd: 30, period: 'day', project: 'api' },
    });
    expect(await ok('budget', 'list')).toMatch(/team\s+\$30\.00\s+per day\s+project "api"/);

    expect(await ok('budget', 'rm', 'team')).toContain('Budget "team" removed');
    const after = JSON.parse(await ok('budget', 'list', '--format', 'json')) as { budgets: { name: string }[] };
    expect(after.budgets.map((b) => b.name)).toEqual(['opus']);
  });

  it('refuses bad input with one clear line and exit 2, writing nothing', async () => {
    await removeAll();
    const cases: [string[], RegExp][] = [
      [
        ['budget', 'set', 'x', '--amount', '-5', '--period', 'day'],
        /^Error: Invalid amount "-5": a budget cannot be negative$/,
      ],
      [
        ['budget', 'set', 'x', '--amount=-5', '--period', 'day'],
        /^Error: Invalid amount "-5": a budget cannot be negative$/,
      ],
      [['budget', 'set', 'x', '--amount', 'ten', '--period', 'day'], /^Error: Invalid amount "ten"/],
      [
        ['budget', 'set', 'x', '--amount', '5', '--period', 'fortnight'],
        /^Error: Invalid period "fortnight": expected one of day, week, month$/,
      ],
      [['budget', 'rm', 'ghost'], /^Error: No budget named "ghost" \(the store has no budgets\)$/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(JSON.parse(await ok('budget', 'list', '--format', 'json'))).toEqual({ budgets: [] });
  });

  it('status counts today’s spend per filter, with remaining, projection and state', async () => {
    await removeAll();
    await ok('budget', 'set', 'all-day', '--amount', '10', '--period', 'day');
    await ok('budget', 'set', 'opus-day', '--amount', '3', '--period', 'day', '--model', 'OPUS');
    await ok(
      'budget',
      'set',
      'api-month',
      '--amount',
      '5',
      '--period',
      'month',
      '--project',
      'api',
      '--agent-type',
      'claude-code',
    );
    await ok('budget', 'set', 'codex-week', '--amount', '1', '--period', 'week', '--agent-type', 'codex');
    const report = await status();
    expect(report.timeZone).toBe('UTC');
    const byName = Object.fromEntries(report.budgets.map((b) => [b.name, b]));
    expect(Object.keys(byName)).toEqual(['all-day', 'api-month', 'codex-week', 'opus-day']);
    expect(byName['all-day']).toMatchObject({
      period: 'day',
      amountUsd: 10,
      spentUsd: 4.75,
      remainingUsd: 5.25,
      percentUsed: 47.5,
      state: 'ok',
    });
    expect(byName['opus-day']).toMatchObject({ amountUsd: 3, spentUsd: 3.25, remainingUsd: 0, state: 'exceeded' });
    expect(byName['api-month']).toMatchObject({ period: 'month', spentUsd: 4.5, percentUsed: 90, state: 'warning' });
    expect(byName['codex-week']).toMatchObject({ period: 'week', spentUsd: 0, projectedUsd: 0, state: 'ok' });

    // Periods in UTC; projected = spent / elapsed × the whole period, at the command's own instant.
    const at = Date.parse(report.at);
    const midnight = at - (at % DAY_MS);
    for (const b of report.budgets) {
      const start = Date.parse(b.periodStart);
      const end = Date.parse(b.periodEnd);
      expect(start).toBeLessThanOrEqual(at);
      expect(end).toBeGreaterThan(at);
      if (b.period === 'day') expect([start, end]).toEqual([midnight, midnight + DAY_MS]);
      if (b.period === 'week') expect(new Date(start).getUTCDay()).toBe(1);
      if (b.period === 'month') expect(new Date(start).getUTCDate()).toBe(1);
      expect(b.projectedUsd).toBeCloseTo((b.spentUsd * (end - start)) / Math.max(1, at - start), 4);
      expect(b.projectedUsd).toBeGreaterThanOrEqual(b.spentUsd);
    }

    const table = await ok('budget', 'status', '--no-sync');
    expect(table).toMatch(/opus-day\s+day\s+\$3\.25\s+\$3\.00\s+108\.33%\s+\$0\.00\s+\S+\s+exceeded/);
    expect(table).toMatch(/api-month\s+month\s+\$4\.50\s+\$5\.00\s+90%/);
  });

  it('status takes periods in --timezone (or the configured zone)', async () => {
    await removeAll();
    await ok('budget', 'set', 'all-day', '--amount', '10', '--period', 'day');
    const tokyo = await status('--no-sync', '--timezone', 'Asia/Tokyo');
    expect(tokyo.timeZone).toBe('Asia/Tokyo');
    // Tokyo is UTC+9 all year: its midnight is 15:00 UTC.
    expect(tokyo.budgets[0]!.periodStart).toMatch(/T15:00:00\.000Z$/);
    const config = join(box.env.XDG_CONFIG_HOME!, 'rimuru', 'config.json');
    await mkdir(join(config, '..'), { recursive: true });
    await writeFile(config, JSON.stringify({ timezone: 'Asia/Kolkata' }));
    try {
      const kolkata = await status('--no-sync');
      expect(kolkata.timeZone).toBe('Asia/Kolkata');
      expect(kolkata.budgets[0]!.periodStart).toMatch(/T18:30:00\.000Z$/);
    } finally {
      await writeFile(config, '{}');
    }
  });

  it('check exits 0 while every budget holds and 3 when one is exceeded, naming it', async () => {
    await removeAll();
    await ok('budget', 'set', 'all-day', '--amount', '10', '--period', 'day');
    await ok('budget', 'set', 'api-month', '--amount', '5', '--period', 'month', '--project', 'api');
    const holding = await cli('budget', 'check');
    expect(holding.code, holding.stderr).toBe(0);
    expect(holding.stdout).toContain('budget "api-month" passed 80%: $4.50 of $5.00 this month');
    expect(holding.stdout).toContain('Every budget holds (2 checked)');

    await ok('budget', 'set', 'opus-day', '--amount', '3', '--period', 'day', '--model', 'opus');
    const over = await cli('budget', 'check');
    expect(over.code, over.stderr).toBe(3);
    expect(over.stdout).toContain('budget "opus-day" exceeded: $3.25 of $3.00 today (108.33%; model "opus")');
    expect(over.stdout).not.toContain('Every budget holds');

    const json = await cli('budget', 'check', '--format', 'json', '--no-sync');
    expect(json.code).toBe(3);
    expect((JSON.parse(json.stdout) as StatusJson).exceeded).toEqual(['opus-day']);

    await ok('budget', 'rm', 'opus-day');
    expect((await cli('budget', 'check', '--no-sync')).code).toBe(0);
  });

  it('the Claude Code guard refuses prompts (exit 2, reason on stderr) only while a hard budget is exceeded', async () => {
    await removeAll();
    const settings = join(box.home, '.claude', 'settings.json');
    const install = await cli('hooks', 'install', 'claude-code', '--guard', '--format', 'json');
    expect(install.code, install.stderr).toBe(0);
    expect(JSON.parse(install.stdout)).toMatchObject({ change: 'installed', guard: 'installed' });
    const again = await cli('hooks', 'install', 'claude-code', '--guard', '--format', 'json');
    expect(JSON.parse(again.stdout)).toMatchObject({ change: 'unchanged', guard: 'unchanged' });
    const installed = JSON.parse(await readFile(settings, 'utf8')) as {
      hooks: Record<string, { hooks: { command: string }[] }[]>;
    };
    const guards = installed.hooks['UserPromptSubmit']!.flatMap((g) => g.hooks.map((h) => h.command));
    expect(guards).toHaveLength(1);
    expect(guards[0]).toMatch(/ budget guard$/);
    expect(installed.hooks['Stop']![0]!.hooks[0]!.command).toMatch(/ hook stop --agent claude-code$/);
    const guard = guards[0]!;
    const hookInput = JSON.stringify({
      session_id: SID_API,
      hook_event_name: 'UserPromptSubmit',
      prompt: 'go on',
      cwd: '/work/api',
    });

    // No budget, and a soft one exceeded: the prompt goes through, and nothing reaches the prompt (stdout).
    const free = await runShell(guard, env, hookInput);
    expect([free.code, free.stdout, free.stderr]).toEqual([0, '', '']);
    await ok('budget', 'set', 'soft', '--amount', '1', '--period', 'day');
    const soft = await runShell(guard, env, hookInput);
    expect([soft.code, soft.stdout]).toEqual([0, '']);

    await ok('budget', 'set', 'hard-opus', '--amount', '3', '--period', 'week', '--model', 'opus', '--hard');
    const refused = await runShell(guard, env, hookInput);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('budget "hard-opus" exceeded: $3.25 of $3.00 this week');
    expect(refused.stderr).not.toContain('"soft"');

    // Raised above the spend: prompts go through again.
    await ok('budget', 'set', 'hard-opus', '--amount', '4', '--period', 'week', '--model', 'opus', '--hard');
    expect((await runShell(guard, env, hookInput)).code).toBe(0);

    // A check that cannot run never reads as a refusal.
    const broken = await runShell(guard, { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, hookInput);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^rimuru budget guard could not check budgets: Cannot reach PostgreSQL/);

    const removed = await cli('hooks', 'uninstall', 'claude-code', '--format', 'json');
    expect(removed.code, removed.stderr).toBe(0);
    await expect(readFile(settings, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('watch prints each crossing once and, with --notify, hands it to the desktop notifier', async () => {
    await removeAll();
    await ok('budget', 'set', 'opus-day', '--amount', '3', '--period', 'day', '--model', 'opus');
    await ok('budget', 'set', 'api-month', '--amount', '5', '--period', 'month', '--project', 'api');
    await ok('budget', 'set', 'calm', '--amount', '100', '--period', 'day');
    // A notify-send of our own on PATH records what it was asked to show.
    const bin = join(box.root, 'bin');
    const shown = join(box.root, 'notifications.txt');
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'notify-send'), `#!/bin/sh\nprintf '%s|' "$@" >> '${shown}'\necho >> '${shown}'\n`);
    await chmod(join(bin, 'notify-send'), 0o755);

    const watch = startCli(['watch', '--notify', '--rescan', '200'], {
      ...env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
    });
    try {
      await watch.waitFor('budget "opus-day" exceeded');
      await watch.waitFor('budget "api-month" passed 80%');
      // Several rescans later, still one line per crossing.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await watch.stop('SIGTERM')).toBe(0);
      const err = watch.stderr();
      expect(err.match(/budget "opus-day" exceeded/g)).toHaveLength(1);
      expect(err.match(/budget "api-month" passed 80%/g)).toHaveLength(1);
      expect(err).not.toContain('"calm"');
      const deadline = Date.now() + 5_000;
      let notes = '';
      while (Date.now() < deadline && notes.split('\n').filter(Boolean).length < 2) {
        notes = await readFile(shown, 'utf8').catch(() => '');
        await new Promise((r) => setTimeout(r, 50));
      }
      const lines = notes.split('\n').filter(Boolean).sort();
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        /^--app-name=rimuru\|--urgency=critical\|Rimuru: budget exceeded\|budget "opus-day" exceeded: \$3\.25 of \$3\.00 today/,
      );
      expect(lines[1]).toMatch(
        /^--app-name=rimuru\|--urgency=normal\|Rimuru: budget at 80%\|budget "api-month" passed 80%/,
      );
    } finally {
      await watch.stop('SIGKILL');
    }
  }, 60_000);
});
