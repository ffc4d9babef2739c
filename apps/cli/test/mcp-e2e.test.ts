// @module-tag built
// @module-tag postgres
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { claudeAssistantLine, encodeClaudeProjectDir, generateClaudeHome, jsonl } from '@rimuru/test-utils/claude';
import { generateCodexHome } from '@rimuru/test-utils/codex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN_PATH, CLI_BACKENDS, makeSandbox, runCli } from './cli-harness.js';

const TOOLS = ['list_sessions', 'get_session', 'session_stats', 'usage_report', 'costs_summary', 'budget_status'];

interface Connection {
  client: Client;
  /** Messages on stdout that were not protocol, and other transport failures. */
  transportErrors: Error[];
  stderr(): string;
  close(): Promise<void>;
}

/** `rimuru mcp` started by the SDK's own stdio client, as an agent starts it. */
async function connect(env: Record<string, string>, extra: string[] = []): Promise<Connection> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN_PATH, 'mcp', ...extra],
    env: { TZ: 'UTC', NO_COLOR: '1', ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'rimuru-e2e', version: '1.0.0' });
  const transportErrors: Error[] = [];
  client.onerror = (error) => transportErrors.push(error);
  await client.connect(transport);
  return { client, transportErrors, stderr: () => stderr, close: () => client.close() };
}

async function call(c: Connection, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await c.client.callTool({ name, arguments: args })) as CallToolResult;
}

/** A successful call's structured content (the client has checked it against the tool's output schema). */
async function answer(
  c: Connection,
  name: string,
  args: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const result = await call(c, name, args);
  expect(result.isError ?? false, JSON.stringify(result.content)).toBe(false);
  const text = result.content.find((part) => part.type === 'text');
  expect(text?.type === 'text' && text.text.length > 0 && text.text.length < 400).toBe(true);
  return result.structuredContent!;
}

function errorText(result: CallToolResult): string {
  expect(result.isError).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

/** Claude Code usage six hours ago: in today's (or yesterday's) spend, in no active block, in no active session. */
async function writeRecentSession(home: string): Promise<void> {
  const cwd = '/home/dev/recent';
  const sessionId = '99999999-9999-4999-8999-999999999999';
  const at = (minutes: number) => new Date(Date.now() - 6 * 3_600_000 + minutes * 60_000).toISOString();
  const lines = [0, 3, 9].map((minutes, i) =>
    claudeAssistantLine({
      sessionId,
      cwd,
      timestamp: at(minutes),
      model: 'claude-sonnet-4-5-20250929',
      messageId: `msg_recent_${i}`,
      requestId: `req_recent_${i}`,
      usage: { input: 12_000, output: 3_000 },
    }),
  );
  const dir = join(home, '.claude', 'projects', encodeClaudeProjectDir(cwd));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${sessionId}.jsonl`), jsonl(lines));
}

describe.each(CLI_BACKENDS)('rimuru mcp on $name', ({ database }) => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let server: Connection;
  /** Sessions in the generated home: the Claude Code ones, the Codex ones, the recent one. */
  let total: number;

  /** The CLI's `--format json` answer to the same question. */
  const cliJson = async (...args: string[]): Promise<unknown> => {
    const result = await runCli([...args, '--format', 'json'], env);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as unknown;
  };

  beforeAll(async () => {
    sandbox = await makeSandbox();
    const db = await database();
    drop = db.drop;
    env = { ...sandbox.env, ...db.env };
    const claude = await generateClaudeHome(sandbox.home, {
      sessions: 14,
      requestsPerSession: 6,
      seed: 20261201,
      start: '2026-11-02T21:30:00.000Z',
      subagentEvery: 4,
    });
    const codex = await generateCodexHome(sandbox.home, {
      sessions: 6,
      requestsPerSession: 5,
      seed: 1712,
      start: '2026-11-05T06:00:00.000Z',
    });
    await writeRecentSession(sandbox.home);
    total = claude.sessions.length + codex.sessions.length + 1;
    // Nothing synced yet: the server's first call must sync before it answers.
    server = await connect(env);
  });
  afterAll(async () => {
    await server?.close();
    await drop();
    await sandbox.cleanup();
  });

  it('lists the six tools, each with an input and an output schema', async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.description?.length, tool.name).toBeGreaterThan(40);
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    const props = (name: string) => Object.keys(byName.get(name)!.inputSchema.properties ?? {});
    expect(props('list_sessions')).toEqual(
      expect.arrayContaining(['agentType', 'agent', 'active', 'project', 'range', 'since', 'until', 'limit']),
    );
    expect(byName.get('get_session')!.inputSchema.required).toEqual(['id']);
    expect(props('session_stats')).toEqual(expect.arrayContaining(['range', 'since', 'until', 'agentType']));
    const report = byName.get('usage_report')!.inputSchema.properties as Record<string, { enum?: string[] }>;
    expect(report.period?.enum).toEqual(['day', 'week', 'month', 'block']);
    expect(report.groupBy?.enum).toEqual(['agent', 'model', 'project']);
    expect(props('usage_report')).toContain('timezone');
    expect(props('costs_summary')).toContain('range');
    const detail = byName.get('get_session')!.outputSchema!;
    expect(detail.required).toEqual(
      expect.arrayContaining(['inputTokens', 'cacheReadTokens', 'models', 'byModel', 'costBreakdown', 'costUsd']),
    );
    expect(Object.keys(byName.get('list_sessions')!.outputSchema!.properties ?? {})).toEqual(['sessions']);
  });

  it('syncs before answering, and list_sessions answers what `rimuru sessions --format json` prints', async () => {
    const { sessions } = (await answer(server, 'list_sessions', { limit: 1000 })) as {
      sessions: { agentType: string }[];
    };
    expect(sessions).toHaveLength(total);
    expect(new Set(sessions.map((s) => s.agentType))).toEqual(new Set(['claude-code', 'codex']));
    expect(sessions).toEqual(await cliJson('sessions', '--limit', '1000'));
    expect((await answer(server, 'list_sessions', {})).sessions).toEqual(await cliJson('sessions'));
  });

  it('list_sessions takes the filters of `rimuru sessions`', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ agentType: ['codex'] }, ['--agent-type', 'codex']],
      [{ agent: ['claude-code-default'], limit: 5 }, ['--agent', 'claude-code-default', '--limit', '5']],
      [
        { project: 'app', since: '2026-11-03', until: '2026-11-04' },
        ['--project', 'app', '--since', '2026-11-03', '--until', '2026-11-04'],
      ],
      [
        { since: '2026-11-03T00:00:00Z', timezone: 'Asia/Kolkata', costMode: 'calculate' },
        ['--since', '2026-11-03T00:00:00Z', '--timezone', 'Asia/Kolkata', '--cost-mode', 'calculate'],
      ],
      [{ active: true }, ['--active']],
      [{ range: 'all', limit: 1000 }, ['--limit', '1000']],
    ];
    for (const [args, flags] of cases) {
      const { sessions } = await answer(server, 'list_sessions', args);
      expect(sessions, JSON.stringify(args)).toEqual(await cliJson('sessions', ...flags));
    }
    const filtered = (await answer(server, 'list_sessions', { agentType: ['codex'] })).sessions as unknown[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(total);
    expect((await answer(server, 'list_sessions', { active: true })).sessions).toEqual([]);
  });

  it('get_session answers what `rimuru sessions show <id> --format json` prints, by id or prefix', async () => {
    const { sessions } = (await answer(server, 'list_sessions', { agentType: ['claude-code'], limit: 3 })) as {
      sessions: { id: string; externalId: string }[];
    };
    for (const session of sessions) {
      const detail = await answer(server, 'get_session', { id: session.id.slice(0, 12) });
      expect(detail).toEqual(await cliJson('sessions', 'show', session.id.slice(0, 12)));
      expect(detail).toMatchObject({ id: session.id, externalId: session.externalId });
      expect((detail.byModel as unknown[]).length).toBeGreaterThan(0);
      expect((detail.costBreakdown as unknown[]).length).toBeGreaterThan(0);
      expect(await answer(server, 'get_session', { id: session.externalId, costMode: 'calculate' })).toEqual(
        await cliJson('sessions', 'show', session.externalId, '--cost-mode', 'calculate'),
      );
    }
  });

  it('session_stats answers what `rimuru sessions stats --format json` prints', async () => {
    const all = await answer(server, 'session_stats', { range: 'all' });
    expect(all).toEqual(await cliJson('sessions', 'stats', '--range', 'all'));
    expect(all.totalSessions).toBe(total);
    expect(await answer(server, 'session_stats', { range: 'all', agentType: ['codex'] })).toEqual(
      await cliJson('sessions', 'stats', '--range', 'all', '--agent-type', 'codex'),
    );
    expect(await answer(server, 'session_stats', {})).toEqual(await cliJson('sessions', 'stats'));
    // since/until bound the same window as the range that covers everything.
    expect(await answer(server, 'session_stats', { since: '2020-01-01', until: '2099-12-31' })).toEqual(all);
  });

  it('usage_report answers what `rimuru report daily|weekly|monthly|blocks --format json` prints', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ period: 'day' }, ['report', 'daily']],
      [
        { period: 'day', timezone: 'Asia/Kolkata', groupBy: 'model' },
        ['report', 'daily', '--timezone', 'Asia/Kolkata', '--by', 'model'],
      ],
      [
        { period: 'week', startOfWeek: 'sunday', breakdown: true },
        ['report', 'weekly', '--start-of-week', 'sunday', '--breakdown'],
      ],
      [
        { period: 'month', groupBy: 'agent', timezone: 'America/Los_Angeles' },
        ['report', 'monthly', '--by', 'agent', '--timezone', 'America/Los_Angeles'],
      ],
      [
        { period: 'day', groupBy: 'project', since: '2026-11-03', until: '2026-11-04', agentType: ['claude-code'] },
        [
          'report',
          'daily',
          '--by',
          'project',
          '--since',
          '2026-11-03',
          '--until',
          '2026-11-04',
          '--agent-type',
          'claude-code',
        ],
      ],
    ];
    for (const [args, flags] of cases) {
      const report = await answer(server, 'usage_report', args);
      expect(report, JSON.stringify(args)).toEqual(await cliJson(...flags));
      expect((report.rows as unknown[]).length, JSON.stringify(args)).toBeGreaterThan(0);
    }
    const blocks = (await answer(server, 'usage_report', { period: 'block' })).blocks as { isActive: boolean }[];
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks).toEqual(await cliJson('report', 'blocks'));
    expect(
      (await answer(server, 'usage_report', { period: 'block', agentType: ['codex'], since: '2026-11-05' })).blocks,
    ).toEqual(await cliJson('report', 'blocks', '--agent-type', 'codex', '--since', '2026-11-05'));
  });

  it('costs_summary answers what `rimuru costs summary --format json` prints', async () => {
    const all = await answer(server, 'costs_summary', { range: 'all' });
    expect(all).toEqual(await cliJson('costs', 'summary', '--range', 'all'));
    expect((all.rows as { name: string }[]).map((r) => r.name).sort()).toEqual(['claude-code', 'codex']);
    expect(
      await answer(server, 'costs_summary', { range: 'all', agentType: ['codex'], costMode: 'calculate' }),
    ).toEqual(await cliJson('costs', 'summary', '--range', 'all', '--agent-type', 'codex', '--cost-mode', 'calculate'));
    expect(await answer(server, 'costs_summary', { range: 'lastmonth' })).toEqual(
      await cliJson('costs', 'summary', '--range', 'lastmonth'),
    );
    // The default range, 7d, ends now and starts 7 days before each answer's own now.
    const rolling = await answer(server, 'costs_summary', {});
    expect({ ...rolling, from: undefined }).toEqual({
      ...((await cliJson('costs', 'summary')) as object),
      from: undefined,
    });
    expect(rolling.range).toBe('7d');
    expect(Math.abs(Date.parse(rolling.from as string) - (Date.now() - 7 * 86_400_000))).toBeLessThan(10 * 60_000);
  });

  it('with plans in the config, the cost answers carry the same plan figures as the CLI', async () => {
    const configDir = join(env.XDG_CONFIG_HOME!, 'rimuru');
    await mkdir(configDir, { recursive: true });
    await writeFile(
      join(configDir, 'config.json'),
      JSON.stringify({ plans: { 'claude-code': { plan: 'claude-max-5x', since: '2026-10-01' } } }),
    );
    const withPlans = await connect(env, ['--no-sync']);
    try {
      // Closed windows: a window open at the end prorates fees up to each answer's own now.
      const costs = await answer(withPlans, 'costs_summary', { range: 'lastmonth' });
      expect(costs).toEqual(await cliJson('costs', 'summary', '--range', 'lastmonth', '--no-sync'));
      expect((costs.plans as { agentType: string; planFeesUsd: number }[]).map((p) => p.agentType)).toEqual([
        'claude-code',
      ]);
      expect(await answer(withPlans, 'session_stats', { range: 'lastmonth' })).toEqual(
        await cliJson('sessions', 'stats', '--range', 'lastmonth', '--no-sync'),
      );
      const monthly = await answer(withPlans, 'usage_report', {
        period: 'month',
        since: '2026-11-01',
        until: '2026-11-30',
      });
      expect(monthly).toEqual(
        await cliJson('report', 'monthly', '--since', '2026-11-01', '--until', '2026-11-30', '--no-sync'),
      );
      expect(monthly.planTotals).toBeDefined();
    } finally {
      await withPlans.close();
      await rm(join(configDir, 'config.json'));
    }
  });

  it('budget_status answers what `rimuru budget status --format json` prints', async () => {
    expect(await answer(server, 'budget_status')).toMatchObject({ budgets: [] });
    for (const [name, period] of [
      ['daily-cap', 'day'],
      ['monthly-claude', 'month'],
    ] as const) {
      const set = await runCli(
        [
          'budget',
          'set',
          name,
          '--amount',
          '2.5',
          '--period',
          period,
          ...(period === 'month' ? ['--agent-type', 'claude-code'] : []),
        ],
        env,
      );
      expect(set.code, set.stderr).toBe(0);
    }
    const fromMcp = (await answer(server, 'budget_status', { timezone: 'Europe/Berlin' })) as {
      at: string;
      budgets: Record<string, unknown>[];
    };
    const fromCli = (await cliJson('budget', 'status', '--timezone', 'Europe/Berlin')) as typeof fromMcp;
    // `at` is each answer's own now, and the projection follows the time elapsed in the period.
    const steady = (r: typeof fromMcp) => ({
      ...r,
      at: undefined,
      budgets: r.budgets.map((b) => ({ ...b, projectedUsd: undefined })),
    });
    expect(steady(fromMcp)).toEqual(steady(fromCli));
    expect(fromMcp.budgets.map((b) => b.name).sort()).toEqual(['daily-cap', 'monthly-claude']);
    expect(Math.abs(Date.parse(fromMcp.at) - Date.now())).toBeLessThan(10 * 60_000);
    for (const [i, b] of fromMcp.budgets.entries()) {
      expect(b.projectedUsd as number).toBeCloseTo(fromCli.budgets[i]!.projectedUsd as number, 2);
    }
  });

  it('turns every failure into a tool error and keeps serving', async () => {
    expect(errorText(await call(server, 'get_session', { id: 'no-such-session' }))).toMatch(
      /No session matches "no-such-session"/,
    );
    // One character matches many sessions: the error lists them.
    const ambiguous = await runCli(['sessions', '--format', 'json', '--limit', '1000', '--no-sync'], env);
    const ids = (JSON.parse(ambiguous.stdout) as { id: string }[]).map((s) => s.id);
    const prefix = [...'0123456789abcdef'].find((c) => ids.filter((id) => id.startsWith(c)).length > 1)!;
    expect(errorText(await call(server, 'get_session', { id: prefix }))).toMatch(
      /matches \d+ sessions; give more characters\n {2}\S+/,
    );
    expect(errorText(await call(server, 'get_session', {}))).toMatch(/Invalid arguments for get_session/);
    expect(errorText(await call(server, 'usage_report', { period: 'year' }))).toMatch(
      /Invalid arguments for usage_report/,
    );
    expect(errorText(await call(server, 'list_sessions', { limit: 0 }))).toMatch(/Invalid arguments for list_sessions/);
    expect(errorText(await call(server, 'session_stats', { timezone: 'Mars/Olympus_Mons' }))).toMatch(
      /Mars\/Olympus_Mons/,
    );
    expect(errorText(await call(server, 'list_sessions', { since: 'yesterday-ish' }))).toMatch(
      /Invalid date "yesterday-ish"/,
    );
    expect(errorText(await call(server, 'session_stats', { range: 'all', since: '2026-11-01' }))).toMatch(
      /either range or since\/until/,
    );
    expect(errorText(await call(server, 'usage_report', { period: 'block', groupBy: 'model' }))).toMatch(
      /groupBy applies to day, week and month/,
    );
    expect(errorText(await call(server, 'no_such_tool'))).toMatch(/Unknown tool "no_such_tool"/);
    expect((await answer(server, 'session_stats', { range: 'all' })).totalSessions).toBe(total);
    expect(server.transportErrors).toEqual([]);
    expect(server.stderr()).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('with --no-sync answers from the store as it is; without, sees what the agents wrote since', async () => {
    const cwd = '/home/dev/late';
    const sessionId = '88888888-8888-4888-8888-888888888888';
    const dir = join(sandbox.home, '.claude', 'projects', encodeClaudeProjectDir(cwd));
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, `${sessionId}.jsonl`),
      jsonl([
        claudeAssistantLine({
          sessionId,
          cwd,
          timestamp: '2026-11-20T10:00:00.000Z',
          model: 'claude-sonnet-4-5-20250929',
          messageId: 'msg_late',
          requestId: 'req_late',
          usage: { input: 10, output: 5 },
        }),
      ]),
    );
    const stale = await connect(env, ['--no-sync']);
    try {
      expect((await answer(stale, 'session_stats', { range: 'all' })).totalSessions).toBe(total);
      expect((await answer(server, 'session_stats', { range: 'all' })).totalSessions).toBe(total + 1);
      expect((await answer(stale, 'session_stats', { range: 'all' })).totalSessions).toBe(total + 1);
    } finally {
      await stale.close();
    }
  });
});

describe('rimuru mcp on the wire', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    await generateClaudeHome(sandbox.home, {
      sessions: 4,
      requestsPerSession: 3,
      seed: 7,
      start: '2026-11-10T08:00:00.000Z',
    });
  });
  afterAll(async () => sandbox.cleanup());

  it('writes nothing but JSON-RPC to stdout, syncing included, and exits 0 when the client closes stdin', async () => {
    const child = spawn(process.execPath, [BIN_PATH, 'mcp', '--verbose'], {
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...sandbox.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const requests = [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
      },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'list_sessions', arguments: {} } },
      { jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'get_session', arguments: { id: 'nope' } } },
    ];
    const responses = (): { id?: number }[] =>
      stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { id?: number });
    for (const request of requests) {
      child.stdin.write(`${JSON.stringify(request)}\n`);
      if ('id' in request) {
        await expect.poll(() => responses().some((r) => r.id === request.id), { timeout: 30_000 }).toBe(true);
      }
    }
    child.stdin.end();
    expect(await exited).toBe(0);
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    const [, , listed, failed] = lines.map((line) => JSON.parse(line) as { id: number; result: CallToolResult });
    expect(listed!.result.structuredContent?.sessions).toHaveLength(4);
    expect(failed!.result.isError).toBe(true);
    // --verbose: the sync's summary went to stderr, and no stack trace anywhere.
    expect(stderr).toMatch(/\S/);
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
