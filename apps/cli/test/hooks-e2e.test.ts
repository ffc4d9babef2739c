// @module-tag built
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HooksStatus, InstallResult } from '../src/agent-hooks/hook-targets.js';
import { BIN_PATH, makeSandbox, runCli } from './cli-harness.js';
import { appendLine, claudeLine } from './live-harness.js';

const SID = 'bbbbbbbb-0000-4000-8000-000000000002';
const CWD = '/home/u/hooked';

/** The user's own settings: formatting and hooks Rimuru must leave alone. */
const USER_SETTINGS = `{
  "model": "opus",
  "permissions": { "allow": ["Bash(ls:*)"] },
  "hooks": {
    "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "echo pre" }] }],
    "SessionStart": [{ "hooks": [{ "type": "command", "command": "echo user-start" }] }]
  }
}
`;

/** A Claude Code settings file as the tests read it back: hook groups per event, the rest as written. */
interface ClaudeSettings {
  [key: string]: unknown;
  hooks: Record<string, { matcher?: string; hooks: { type: string; command: string }[] }[]>;
}

const changeOf = (stdout: string) => (JSON.parse(stdout) as InstallResult).change;
const settingsOf = (text: string) => JSON.parse(text) as ClaudeSettings;

function runHook(
  args: string[],
  stdin: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN_PATH, ...args],
      { env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe('rimuru hooks (built binary, real settings files)', () => {
  let box: Awaited<ReturnType<typeof makeSandbox>>;
  let settings: string;

  beforeEach(async () => {
    box = await makeSandbox();
    settings = join(box.home, '.claude', 'settings.json');
    await mkdir(join(box.home, '.claude'), { recursive: true });
  });
  afterEach(() => box.cleanup());

  it('install keeps the user hooks, is idempotent, and uninstall restores the file byte for byte', async () => {
    await writeFile(settings, USER_SETTINGS);
    const first = await runCli(['hooks', 'install', 'claude-code', '--format', 'json'], box.env);
    expect(first.code, first.stderr).toBe(0);
    expect(changeOf(first.stdout)).toBe('installed');
    expect(await readFile(`${settings}.rimuru-backup`, 'utf8')).toBe(USER_SETTINGS);

    const installed = settingsOf(await readFile(settings, 'utf8'));
    expect(installed['model']).toBe('opus');
    expect(installed['permissions']).toEqual({ allow: ['Bash(ls:*)'] });
    expect(installed.hooks['PreToolUse']).toEqual(settingsOf(USER_SETTINGS).hooks['PreToolUse']);
    const start = installed.hooks['SessionStart']!.flatMap((g) => g.hooks.map((h) => h.command));
    expect(start[0]).toBe('echo user-start');
    expect(start[1]).toMatch(/ hook session-start --agent claude-code$/);
    expect(installed.hooks['Stop']![0]!.hooks[0]!.command).toMatch(/ hook stop --agent claude-code$/);
    expect(installed.hooks['SessionEnd']![0]!.hooks[0]!.command).toMatch(/ hook session-end --agent claude-code$/);

    const bytes = await readFile(settings, 'utf8');
    const again = await runCli(['hooks', 'install', 'claude-code', '--format', 'json'], box.env);
    expect(changeOf(again.stdout)).toBe('unchanged');
    expect(await readFile(settings, 'utf8')).toBe(bytes);

    const status = await runCli(['hooks', 'status', 'claude-code', '--format', 'json'], box.env);
    expect((JSON.parse(status.stdout) as HooksStatus[])[0]!.events).toEqual({
      SessionStart: true,
      Stop: true,
      SessionEnd: true,
    });

    const removed = await runCli(['hooks', 'uninstall', 'claude-code', '--format', 'json'], box.env);
    expect(changeOf(removed.stdout)).toBe('restored');
    expect(await readFile(settings, 'utf8')).toBe(USER_SETTINGS);
  }, 30_000);

  it('uninstall after the user edited the file removes only our entries (JSON-equal to the edit)', async () => {
    await writeFile(settings, USER_SETTINGS);
    await runCli(['hooks', 'install', 'claude-code'], box.env);
    const edited = settingsOf(await readFile(settings, 'utf8'));
    edited['theme'] = 'dark';
    await writeFile(settings, JSON.stringify(edited));
    await runCli(['hooks', 'uninstall', 'claude-code'], box.env);
    expect(settingsOf(await readFile(settings, 'utf8'))).toEqual({ ...settingsOf(USER_SETTINGS), theme: 'dark' });
  }, 30_000);

  it('a settings file install created is removed again by uninstall', async () => {
    await runCli(['hooks', 'install', 'claude-code'], box.env);
    expect(existsSync(settings)).toBe(true);
    await runCli(['hooks', 'uninstall', 'claude-code'], box.env);
    expect(existsSync(settings)).toBe(false);
  }, 30_000);

  it('`rimuru hook` marks the session active at start, ingests the transcript, and completed at end', async () => {
    const transcript = join(box.home, '.claude', 'projects', '-home-u-hooked', `${SID}.jsonl`);
    const payload = (event: string) =>
      JSON.stringify({ session_id: SID, transcript_path: transcript, cwd: CWD, hook_event_name: event });
    const list = async () => {
      const r = await runCli(['sessions', '--no-sync', '--format', 'json'], box.env);
      expect(r.code, r.stderr).toBe(0);
      return (
        JSON.parse(r.stdout) as {
          externalId: string;
          status: string;
          outputTokens: number | null;
          projectPath: string;
        }[]
      ).find((s) => s.externalId === SID);
    };

    const started = await runHook(
      ['hook', 'session-start', '--agent', 'claude-code'],
      payload('SessionStart'),
      box.env,
    );
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toBe('');
    expect(await list()).toMatchObject({ status: 'active', projectPath: CWD });

    await appendLine(
      transcript,
      claudeLine({ sessionId: SID, cwd: CWD, at: new Date(), id: 'h1', input: 3, output: 7 }),
    );
    const stop = await runHook(['hook', 'stop', '--agent', 'claude-code'], payload('Stop'), box.env);
    expect(stop.code, stop.stderr).toBe(0);
    expect(await list()).toMatchObject({ status: 'active', outputTokens: 7 });

    await appendLine(
      transcript,
      claudeLine({ sessionId: SID, cwd: CWD, at: new Date(), id: 'h2', input: 1, output: 2 }),
    );
    const end = await runHook(['hook', 'session-end', '--agent', 'claude-code'], payload('SessionEnd'), box.env);
    expect(end.code, end.stderr).toBe(0);
    // Ended by the hook although its last activity is inside the active window; the last lines were ingested.
    expect(await list()).toMatchObject({ status: 'completed', outputTokens: 9 });

    const resumed = await runHook(
      ['hook', 'session-start', '--agent', 'claude-code'],
      payload('SessionStart'),
      box.env,
    );
    expect(resumed.code).toBe(0);
    expect(await list()).toMatchObject({ status: 'active' });
  }, 60_000);

  it('Codex notify: installed as one line that keeps comments, refused over a user program, removed byte for byte', async () => {
    const config = join(box.home, '.codex', 'config.toml');
    await mkdir(join(box.home, '.codex'), { recursive: true });
    const original = '# my codex config\nmodel = "o3"\n\n[profiles.fast]\nmodel = "o4-mini"\n';
    await writeFile(config, original);
    const inst = await runCli(['hooks', 'install', 'codex'], box.env);
    expect(inst.code, inst.stderr).toBe(0);
    const text = await readFile(config, 'utf8');
    expect(text).toContain('# my codex config');
    expect(text).toMatch(/^notify = \[.*"hook", "notify", "--agent", "codex"\]$/m);
    expect(text.indexOf('notify')).toBeLessThan(text.indexOf('[profiles.fast]'));
    expect((await runCli(['hooks', 'install', 'codex', '--format', 'json'], box.env)).stdout).toContain('"unchanged"');
    await runCli(['hooks', 'uninstall', 'codex'], box.env);
    expect(await readFile(config, 'utf8')).toBe(original);

    await writeFile(config, 'notify = ["my-notifier"]\n');
    const refused = await runCli(['hooks', 'install', 'codex'], box.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already sets notify/);
    expect(await readFile(config, 'utf8')).toBe('notify = ["my-notifier"]\n');
  }, 30_000);
});
