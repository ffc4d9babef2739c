// @module-tag built
// @module-tag postgres
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  formatTokens,
  formatUsd,
  totalTokens,
  type BillingBlockJson,
  type BudgetStatusReportJson,
  type SessionJson,
  type SessionStatsJson,
  type UsageReportJson,
} from '@rimuru/core';
import { openStore, resolveStoreTarget } from '@rimuru/db';
import {
  claudeAssistantLine,
  claudeUserLine,
  generateClaudeHome,
  type ClaudeSessionTruth,
} from '@rimuru/test-utils/claude';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatuslineInstall } from '../src/agent-hooks/claude-statusline.js';
import { BIN_PATH, CLI_BACKENDS, makeSandbox, runCli, type CliResult } from './cli-harness.js';

/**
 * Runs `rimuru statusline` as Claude Code does: the payload on stdin, then stdin closed.
 * `stdin: null` never closes it (a payload that does not arrive before the deadline).
 */
function statusline(args: string[], stdin: string | null, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN_PATH, 'statusline', ...args], {
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    if (stdin !== null) child.stdin.end(stdin);
  });
}

interface StatuslineJson {
  sessionId: string | null;
  line: string;
  stale: boolean;
  fallback: string | null;
  session: { externalId: string; totalTokens: number; costUsd: number; requestCount: number } | null;
  today: { costUsd: number; totalTokens: number } | null;
  block: { start: string; end: string; costUsd: number; totalTokens: number; remainingMinutes: number } | null;
  budget: unknown;
  sync: { sourcesRead: number; bytesRead: number };
}

const json = (r: CliResult) => JSON.parse(r.stdout) as StatuslineJson;

/** Claude Code's settings file as the tests read it back. */
interface ClaudeSettings {
  [key: string]: unknown;
  statusLine?: { type: string; command: string; padding?: number };
  hooks: Record<string, { hooks: { command: string }[] }[]>;
}

const settingsOf = (text: string) => JSON.parse(text) as ClaudeSettings;
/** `hooks install claude-code --statusline --format json`: the statusline's part of the answer. */
const statuslineOf = (stdout: string) => (JSON.parse(stdout) as { statusline: StatuslineInstall }).statusline;
const NOW = Date.now();
const HOUR = 3_600_000;

for (const backend of CLI_BACKENDS) {
  describe(`rimuru statusline (built binary, ${backend.name})`, () => {
    let box: Awaited<ReturnType<typeof makeSandbox>>;
    let drop: () => Promise<void>;
    let env: Record<string, string>;
    let session: ClaudeSessionTruth;
    let transcript: string;
    let payload: string;
    let others: number;

    beforeAll(async () => {
      box = await makeSandbox();
      const db = await backend.database();
      drop = db.drop;
      env = { ...box.env, ...db.env };
      // Three sessions an hour apart, the last one ending minutes ago; each spawns a subagent,
      // whose usage belongs to its session.
      const home = await generateClaudeHome(box.home, {
        sessions: 3,
        requestsPerSession: 6,
        seed: 4242,
        start: new Date(Math.floor((NOW - 3 * HOUR) / 60_000) * 60_000).toISOString(),
        subagentEvery: 1,
        compactionEvery: 0,
      });
      session = home.sessions.at(-1)!;
      others = home.files.length - session.files.length;
      transcript = session.files.find((f) => f.endsWith(`${session.sessionId}.jsonl`))!;
      payload = JSON.stringify({
        session_id: session.sessionId,
        transcript_path: transcript,
        cwd: session.projectPath,
        model: { id: 'claude-opus-4-6', display_name: 'Opus 4.6' },
        workspace: { current_dir: session.projectPath, project_dir: session.projectPath },
        version: '2.1.40',
        output_style: { name: 'default' },
        cost: {
          total_cost_usd: 0.5,
          total_duration_ms: 60_000,
          total_api_duration_ms: 20_000,
          total_lines_added: 1,
          total_lines_removed: 0,
        },
        exceeds_200k_tokens: false,
      });
    });
    afterAll(async () => {
      await drop?.();
      await box?.cleanup();
    });

    const cli = async <T>(...args: string[]) => {
      const r = await runCli(args, env);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as T;
    };

    it('reads only this session’s files and shows the store’s figures for the session, today and the block', async () => {
      const r = await statusline(['--format', 'json'], payload, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const answer = json(r);
      expect(answer).toMatchObject({ sessionId: session.sessionId, stale: false, fallback: null, budget: null });
      // The transcript and its subagent's file: nothing else of the home.
      expect(answer.sync.sourcesRead).toBe(session.files.length);
      expect(session.files.length).toBe(2);
      expect(others).toBeGreaterThan(0);
      expect(
        (await cli<SessionStatsJson>('sessions', 'stats', '--range', 'all', '--no-sync', '--format', 'json'))
          .totalSessions,
      ).toBe(1);

      // The session: the generator's truth (subagent included) and `sessions show`.
      expect(answer.session?.totalTokens).toBe(totalTokens(session.tokens));
      const show = await cli<SessionJson>('sessions', 'show', session.sessionId, '--no-sync', '--format', 'json');
      expect(answer.session).toMatchObject({
        externalId: session.sessionId,
        totalTokens: show.totalTokens,
        costUsd: show.costUsd,
      });
      expect(show.costUsd).toBeGreaterThan(0);

      // Today: the daily report of the local day; the block: the active one of `report blocks`.
      const day = new Date(NOW).toISOString().slice(0, 10);
      const daily = await cli<UsageReportJson>(
        'report',
        'daily',
        '--since',
        day,
        '--until',
        day,
        '--no-sync',
        '--format',
        'json',
      );
      expect(answer.today).toMatchObject({ costUsd: daily.totals.costUsd, totalTokens: daily.totals.totalTokens });
      const active = (
        await cli<BillingBlockJson[]>('report', 'blocks', '--active', '--no-sync', '--format', 'json')
      )[0]!;
      expect(answer.block).toMatchObject({
        start: active.start,
        end: active.end,
        costUsd: active.costUsd,
        totalTokens: active.totalTokens,
      });
      expect(answer.block!.remainingMinutes).toBeGreaterThan(0);

      // The line says the same.
      expect(
        answer.line.startsWith(
          `Opus 4.6 | session ${formatTokens(show.totalTokens)} tok ${formatUsd(show.costUsd)} | today ${formatUsd(daily.totals.costUsd)} | block ${formatUsd(active.costUsd)} (`,
        ),
      ).toBe(true);
      const plain = await statusline([], payload, env);
      expect(plain.code, plain.stderr).toBe(0);
      expect(plain.stdout.split('\n')).toHaveLength(2);
      expect(plain.stdout).toMatch(
        /^Opus 4\.6 \| session .* tok \$[\d.,]+ \| today \$[\d.,]+ \| block \$[\d.,]+ \((\d+h \d\dm|\d+m) left(, \$[\d.,]+\/h)?\)\n$/,
      );
    }, 60_000);

    it('a second call reads only the bytes appended since, and nothing when nothing was', async () => {
      const before = json(await statusline(['--format', 'json'], payload, env));
      expect(before.sync).toEqual({ sourcesRead: 0, bytesRead: 0 });
      const at = new Date(NOW - 60_000).toISOString();
      const added =
        `${claudeUserLine({ sessionId: session.sessionId, cwd: session.projectPath, timestamp: at, text: 'one more' })}\n` +
        `${claudeAssistantLine({
          sessionId: session.sessionId,
          cwd: session.projectPath,
          timestamp: at,
          model: 'claude-opus-4-6',
          messageId: 'msg_statusline_1',
          requestId: 'req_statusline_1',
          usage: { input: 111, output: 222 },
        })}\n`;
      await appendFile(transcript, added);
      const after = json(await statusline(['--format', 'json'], payload, env));
      expect(after.sync).toEqual({ sourcesRead: 1, bytesRead: Buffer.byteLength(added) });
      expect(after.session!.totalTokens).toBe(before.session!.totalTokens + 333);
      expect(after.session!.requestCount).toBe(before.session!.requestCount + 1);
      expect(after.today!.totalTokens).toBe(before.today!.totalTokens + 333);

      const store = await openStore(resolveStoreTarget({ env, homeDir: box.home }));
      try {
        expect((await store.sources.checkpoint('claude-code', transcript))?.offset).toBe((await stat(transcript)).size);
      } finally {
        await store.close();
      }
      const show = await cli<SessionJson>('sessions', 'show', session.sessionId, '--no-sync', '--format', 'json');
      expect(after.session).toMatchObject({ totalTokens: show.totalTokens, costUsd: show.costUsd });
    }, 60_000);

    it('shows the budget nearest its cap as `budget status` has it', async () => {
      const set = async (...args: string[]) => expect((await runCli(['budget', 'set', ...args], env)).code).toBe(0);
      await set('roomy', '--amount', '100000', '--period', 'month');
      await set('tight', '--amount', '0.01', '--period', 'day');
      const answer = json(await statusline(['--format', 'json'], payload, env));
      const status = await cli<BudgetStatusReportJson>('budget', 'status', '--no-sync', '--format', 'json');
      const tight = status.budgets.find((b) => b.name === 'tight')!;
      // The projection moves with the clock between the two calls; every other figure is the same.
      expect({ ...(answer.budget as object), projectedUsd: 0 }).toEqual({ ...tight, projectedUsd: 0 });
      expect((answer.budget as { projectedUsd: number }).projectedUsd).toBeGreaterThan(tight.spentUsd);
      expect(tight.state).toBe('exceeded');
      expect(answer.line).toMatch(
        new RegExp(`\\| budget tight ${Math.round(tight.percentUsed)}% of \\$0\\.0100 exceeded$`),
      );
      for (const name of ['roomy', 'tight']) expect((await runCli(['budget', 'rm', name], env)).code).toBe(0);
      expect(json(await statusline(['--format', 'json'], payload, env)).budget).toBeNull();
    }, 60_000);

    it('bad or missing input: one plain line, exit 0, no stack trace', async () => {
      for (const input of ['not json', '', '[1,2]']) {
        const r = await statusline([], input, env);
        expect(r).toEqual({ code: 0, stdout: 'rimuru: no statusline input\n', stderr: '' });
      }
      const doc = await statusline(['--format', 'json'], '{', env);
      expect(doc.code).toBe(0);
      expect(json(doc)).toMatchObject({ line: 'rimuru: no statusline input', fallback: 'input', session: null });
      // A payload of the wrong shape is no error: the store's figures without a session.
      const shapeless = await statusline([], JSON.stringify({ session_id: 5, model: 'x' }), env);
      expect(shapeless.code).toBe(0);
      expect(shapeless.stdout).toMatch(/^Claude \| session — \| today \$/);
    }, 60_000);

    it('past its deadline prints the last good line from its cache, marked stale in JSON', async () => {
      const good = json(await statusline(['--format', 'json'], payload, env));
      expect(good.stale).toBe(false);
      // The payload never arrives (stdin stays open): the deadline passes while the work waits for it.
      const late = await statusline(['--timeout', '300'], null, env);
      expect(late).toEqual({ code: 0, stdout: `${good.line}\n`, stderr: '' });
      const lateJson = json(await statusline(['--timeout', '300', '--format', 'json'], null, env));
      expect(lateJson).toMatchObject({ line: good.line, stale: true, fallback: 'timeout', session: good.session });
      expect(existsSync(join(box.root, 'home', '.cache', 'rimuru', 'statusline.json'))).toBe(true);
    }, 60_000);
  });
}

describe('rimuru statusline on an SQLite store another process is writing', () => {
  it('does not wait for the write lock: prints the cached line, then catches up once the store is free', async () => {
    const box = await makeSandbox();
    try {
      const sid = 'dddddddd-0000-4000-8000-000000000001';
      const cwd = '/home/dev/app';
      const transcript = join(box.home, '.claude', 'projects', '-home-dev-app', `${sid}.jsonl`);
      await mkdir(join(box.home, '.claude', 'projects', '-home-dev-app'), { recursive: true });
      const reply = (n: number) =>
        `${claudeAssistantLine({
          sessionId: sid,
          cwd,
          timestamp: new Date(NOW - (10 - n) * 60_000).toISOString(),
          model: 'claude-sonnet-4-5-20250929',
          messageId: `msg_lock_${n}`,
          requestId: `req_lock_${n}`,
          usage: { input: 10, output: 100 },
        })}\n`;
      await writeFile(transcript, reply(0));
      const payload = JSON.stringify({
        session_id: sid,
        transcript_path: transcript,
        model: { id: 'claude-sonnet-4-5', display_name: 'Sonnet 4.5' },
      });
      const good = json(await statusline(['--format', 'json'], payload, box.env));
      expect(good.session?.requestCount).toBe(1);

      await appendFile(transcript, reply(1));
      const storePath = join(box.root, 'data', 'rimuru', 'rimuru.db');
      const writer = new Database(storePath);
      writer.exec('BEGIN IMMEDIATE');
      try {
        const blocked = await statusline(['--format', 'json', '--timeout', '150'], payload, box.env);
        expect(blocked.code).toBe(0);
        expect(blocked.stderr).toBe('');
        expect(json(blocked)).toMatchObject({ line: good.line, stale: true });
        expect(['timeout', 'error']).toContain(json(blocked).fallback);
      } finally {
        writer.exec('ROLLBACK');
        writer.close();
      }
      const freed = json(await statusline(['--format', 'json'], payload, box.env));
      expect(freed).toMatchObject({ stale: false, session: { requestCount: 2 } });
    } finally {
      await box.cleanup();
    }
  }, 60_000);
});

describe('rimuru hooks install claude-code --statusline', () => {
  let box: Awaited<ReturnType<typeof makeSandbox>>;
  let settings: string;

  beforeAll(async () => {
    box = await makeSandbox();
    settings = join(box.home, '.claude', 'settings.json');
    await mkdir(join(box.home, '.claude'), { recursive: true });
  });
  afterAll(() => box?.cleanup());

  const USER = `{
  "model": "opus",
  "statusLine": { "type": "command", "command": "~/.claude/my-statusline.sh", "padding": 1 }
}
`;

  it('keeps a statusLine of the user’s, replaces it with --replace, is idempotent, and uninstall restores the file', async () => {
    await writeFile(settings, USER);
    const kept = await runCli(['hooks', 'install', 'claude-code', '--statusline'], box.env);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toMatch(
      /statusline: kept your own \(`~\/\.claude\/my-statusline\.sh`\); run again with --replace/,
    );
    const afterKept = settingsOf(await readFile(settings, 'utf8'));
    expect(afterKept.statusLine).toEqual(settingsOf(USER).statusLine);
    expect(afterKept.hooks['SessionStart']![0]!.hooks[0]!.command).toMatch(/ hook session-start --agent claude-code$/);
    expect(await readFile(`${settings}.rimuru-backup`, 'utf8')).toBe(USER);
    const keptBytes = await readFile(settings, 'utf8');
    const keptAgain = await runCli(['hooks', 'install', 'claude-code', '--statusline', '--format', 'json'], box.env);
    expect(statuslineOf(keptAgain.stdout)).toMatchObject({
      change: 'kept',
      userCommand: '~/.claude/my-statusline.sh',
    });
    expect(await readFile(settings, 'utf8')).toBe(keptBytes);

    const replaced = await runCli(
      ['hooks', 'install', 'claude-code', '--statusline', '--replace', '--format', 'json'],
      box.env,
    );
    expect(replaced.code, replaced.stderr).toBe(0);
    const result = statuslineOf(replaced.stdout);
    expect(result).toMatchObject({ change: 'replaced', userCommand: '~/.claude/my-statusline.sh' });
    const installed = settingsOf(await readFile(settings, 'utf8'));
    const savedTo = result.savedTo!;
    expect(installed.statusLine).toEqual({ type: 'command', command: result.command, padding: 0 });
    expect(installed.statusLine!.command).toMatch(/ statusline$/);
    expect(installed['model']).toBe('opus');
    expect(JSON.parse(await readFile(savedTo, 'utf8'))).toEqual(settingsOf(USER).statusLine);
    // The backup is still the user's file as it was before Rimuru's first change.
    expect(await readFile(`${settings}.rimuru-backup`, 'utf8')).toBe(USER);

    const bytes = await readFile(settings, 'utf8');
    const again = await runCli(['hooks', 'install', 'claude-code', '--statusline', '--format', 'json'], box.env);
    expect(JSON.parse(again.stdout)).toMatchObject({ change: 'unchanged', statusline: { change: 'unchanged' } });
    expect(await readFile(settings, 'utf8')).toBe(bytes);

    // What Claude Code runs: the configured command through a shell, the payload on stdin.
    const run = await new Promise<CliResult>((resolve) => {
      const child = spawn('sh', ['-c', installed.statusLine!.command], {
        env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...box.env },
      });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr: '' }));
      child.stdin.end(JSON.stringify({ session_id: 'none-yet', model: { display_name: 'Opus' } }));
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Opus \| session — \| today \$0\.00\n$/);

    const removed = await runCli(['hooks', 'uninstall', 'claude-code'], box.env);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await readFile(settings, 'utf8')).toBe(USER);
    expect(existsSync(savedTo)).toBe(false);
  }, 60_000);

  it('installs where there is no statusLine, and refuses --statusline for other agents', async () => {
    await writeFile(settings, '{ "theme": "dark" }\n');
    const first = await runCli(['hooks', 'install', 'claude-code', '--statusline', '--format', 'json'], box.env);
    expect(statuslineOf(first.stdout)).toMatchObject({
      change: 'installed',
      userCommand: null,
      savedTo: null,
    });
    expect(JSON.parse(await readFile(settings, 'utf8'))).toMatchObject({
      theme: 'dark',
      statusLine: { type: 'command' },
    });
    await runCli(['hooks', 'uninstall', 'claude-code'], box.env);
    expect(await readFile(settings, 'utf8')).toBe('{ "theme": "dark" }\n');

    const codex = await runCli(['hooks', 'install', 'codex', '--statusline'], box.env);
    expect(codex.code).toBe(2);
    expect(codex.stderr).toMatch(/--statusline is for claude-code only/);
  }, 60_000);
});
