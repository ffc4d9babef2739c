// @module-tag built
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDroidHome } from '@rimuru/test-utils/droid';
import { generateGeminiHome } from '@rimuru/test-utils/gemini-cli';
import { generateQwenHome, qwenProjectDirName } from '@rimuru/test-utils/qwen-code';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HooksStatus, InstallResult } from '../src/agent-hooks/hook-targets.js';
import { BIN_PATH, makeSandbox, runCli } from './cli-harness.js';

type Sandbox = Awaited<ReturnType<typeof makeSandbox>>;

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

interface Case {
  agent: 'gemini-cli' | 'qwen-code' | 'droid';
  /** The agent's events and the `rimuru hook` event each calls. */
  events: Record<string, string>;
  /** Env that moves the agent's home (where it has an override), and the settings file it then means. */
  settings: (box: Sandbox) => { env: Record<string, string>; path: string };
  /** The user's own settings: other keys and hooks Rimuru must leave alone. */
  user: string;
}

const CASES: Case[] = [
  {
    agent: 'gemini-cli',
    events: { SessionStart: 'session-start', AfterAgent: 'stop', SessionEnd: 'session-end' },
    settings: (box) => ({
      env: { GEMINI_CLI_HOME: join(box.root, 'gemini-home') },
      path: join(box.root, 'gemini-home', '.gemini', 'settings.json'),
    }),
    user: `{
  "general": { "vimMode": true },
  "hooksConfig": { "disabled": ["noisy"] },
  "hooks": {
    "BeforeTool": [{ "matcher": "write_file|replace", "hooks": [{ "name": "guard", "type": "command", "command": "/opt/guard.sh" }] }],
    "SessionStart": [{ "matcher": "startup", "hooks": [{ "type": "command", "command": "echo user-start" }] }]
  }
}
`,
  },
  {
    agent: 'qwen-code',
    events: { SessionStart: 'session-start', Stop: 'stop', SessionEnd: 'session-end' },
    settings: (box) => ({
      env: { QWEN_HOME: join(box.root, 'qwen-home') },
      path: join(box.root, 'qwen-home', 'settings.json'),
    }),
    user: `{
  "model": { "name": "qwen3-coder-plus" },
  "hooks": {
    "PreToolUse": [{ "matcher": "^run_shell_command$", "hooks": [{ "type": "command", "command": "/opt/check.sh", "timeout": 10000 }] }],
    "Stop": [{ "hooks": [{ "type": "command", "command": "echo user-stop" }] }]
  }
}
`,
  },
  {
    agent: 'droid',
    events: { SessionStart: 'session-start', Stop: 'stop', SessionEnd: 'session-end' },
    settings: (box) => ({ env: {}, path: join(box.home, '.factory', 'settings.json') }),
    user: `{
  "model": "claude-sonnet-4-5-20250929",
  "autonomyLevel": "auto-medium",
  "hooks": {
    "PostToolUse": [{ "matcher": "Edit|Create", "hooks": [{ "type": "command", "command": "/opt/format.sh" }] }],
    "SessionEnd": [{ "hooks": [{ "type": "command", "command": "echo user-end" }] }]
  }
}
`,
  },
];

/** An agent's settings file as the tests read it back: hook groups per event, the rest as written. */
interface AgentSettings {
  [key: string]: unknown;
  hooks: Record<string, { hooks: { type: string; command: string }[] }[]>;
}

const settingsOf = (text: string) => JSON.parse(text) as AgentSettings;
const installOf = (stdout: string) => JSON.parse(stdout) as InstallResult;
const statusOf = (stdout: string) => (JSON.parse(stdout) as HooksStatus[])[0]!;

function commandsOf(groups: { hooks: { command: string }[] }[] | undefined): string[] {
  return (groups ?? []).flatMap((g) => g.hooks.map((h) => h.command));
}

describe.each(CASES)('rimuru hooks $agent (built binary, real settings files)', ({ agent, events, settings, user }) => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(() => box.cleanup());

  it('install keeps the user entries, is idempotent, status sees it, uninstall restores the file byte for byte', async () => {
    const { env: agentEnv, path } = settings(box);
    const env = { ...box.env, ...agentEnv };
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, user);

    const first = await runCli(['hooks', 'install', agent, '--format', 'json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ agent, path, change: 'installed', warnings: [] });
    expect(await readFile(`${path}.rimuru-backup`, 'utf8')).toBe(user);

    const installed = settingsOf(await readFile(path, 'utf8'));
    const mine = settingsOf(user);
    for (const [key, value] of Object.entries(mine)) if (key !== 'hooks') expect(installed[key]).toEqual(value);
    for (const [event, rimuruEvent] of Object.entries(events)) {
      const commands = commandsOf(installed.hooks[event]);
      const theirs = commandsOf(mine.hooks[event]);
      expect(commands.slice(0, theirs.length)).toEqual(theirs);
      expect(commands.slice(theirs.length)).toHaveLength(1);
      expect(commands.at(-1)).toMatch(new RegExp(` hook ${rimuruEvent} --agent ${agent}$`));
      expect(installed.hooks[event]!.at(-1)!.hooks[0]!.type).toBe('command');
    }
    for (const event of Object.keys(mine.hooks))
      if (!(event in events)) expect(installed.hooks[event]).toEqual(mine.hooks[event]);

    const bytes = await readFile(path, 'utf8');
    const again = await runCli(['hooks', 'install', agent, '--format', 'json'], env);
    expect(installOf(again.stdout).change).toBe('unchanged');
    expect(await readFile(path, 'utf8')).toBe(bytes);

    const status = await runCli(['hooks', 'status', agent, '--format', 'json'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(statusOf(status.stdout)).toEqual({
      agent,
      path,
      events: Object.fromEntries(Object.keys(events).map((e) => [e, true])),
      active: true,
      reason: null,
    });

    const removed = await runCli(['hooks', 'uninstall', agent, '--format', 'json'], env);
    expect(installOf(removed.stdout).change).toBe('restored');
    expect(await readFile(path, 'utf8')).toBe(user);
    expect(existsSync(`${path}.rimuru-backup`)).toBe(false);

    const after = await runCli(['hooks', 'status', agent, '--format', 'json'], env);
    expect(Object.values(statusOf(after.stdout).events)).toEqual(Object.keys(events).map(() => false));
  }, 60_000);

  it('a settings file install created is removed again; an edited one keeps the edit', async () => {
    const { env: agentEnv, path } = settings(box);
    const env = { ...box.env, ...agentEnv };
    expect((await runCli(['hooks', 'install', agent], env)).code).toBe(0);
    expect(existsSync(path)).toBe(true);
    const edited = { ...settingsOf(await readFile(path, 'utf8')), theme: 'dark' };
    await writeFile(path, JSON.stringify(edited));
    expect((await runCli(['hooks', 'uninstall', agent], env)).code).toBe(0);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ theme: 'dark' });
  }, 60_000);
});

describe('hooks an agent will not run', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(() => box.cleanup());

  it('Gemini CLI with hooksConfig.enabled false: installed, with a warning, and status says why they will not run', async () => {
    const path = join(box.home, '.gemini', 'settings.json');
    await mkdir(join(box.home, '.gemini'), { recursive: true });
    await writeFile(path, '{ "hooksConfig": { "enabled": false } }\n');
    const inst = await runCli(['hooks', 'install', 'gemini-cli', '--format', 'json'], box.env);
    expect(inst.code, inst.stderr).toBe(0);
    expect(installOf(inst.stdout).warnings[0]).toMatch(/hooksConfig\.enabled = false/);
    expect(settingsOf(await readFile(path, 'utf8'))['hooksConfig']).toEqual({ enabled: false });
    const status = statusOf((await runCli(['hooks', 'status', 'gemini-cli', '--format', 'json'], box.env)).stdout);
    expect(status).toMatchObject({ active: false, reason: 'hooksConfig.enabled = false' });
  }, 60_000);

  it('Droid with a hooks.json beside settings.json: install is refused and nothing is written', async () => {
    const dir = join(box.home, '.factory');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'hooks.json'), '{}\n');
    const inst = await runCli(['hooks', 'install', 'droid'], box.env);
    expect(inst.code).toBe(1);
    expect(inst.stderr).toMatch(/reads its hooks from .*hooks\.json/);
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
  }, 60_000);
});

interface Listed {
  externalId: string;
  agentType: string;
  status: string;
  projectPath: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
}

async function listed(env: Record<string, string>, agentType: string): Promise<Listed[]> {
  const r = await runCli(['sessions', '--no-sync', '--agent-type', agentType, '--format', 'json'], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Listed[];
}

async function findFile(dir: string, suffix: string): Promise<string> {
  const hit = (await readdir(dir)).find((name) => name.endsWith(suffix));
  if (hit === undefined) throw new Error(`no *${suffix} in ${dir}`);
  return join(dir, hit);
}

describe('`rimuru hook` with each agent’s own payload ingests that session from a generated home', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(() => box.cleanup());

  it('gemini-cli: the chat log and its subagent log, nothing else; ended by SessionEnd', async () => {
    const truth = await generateGeminiHome(box.home, { sessions: 3, messagesPerSession: 3, seed: 11 });
    const main = truth.sessions[1]!;
    const sub = truth.sessions.find((s) => s.parentId === main.id)!;
    expect(sub).toBeDefined();
    const transcript = await findFile(
      join(box.home, '.gemini', 'tmp', 'beta-2', 'chats'),
      `-${main.id.slice(0, 8)}.jsonl`,
    );
    const payload = (event: string, extra: Record<string, string>) =>
      JSON.stringify({
        session_id: main.id,
        transcript_path: transcript,
        cwd: main.projectPath,
        hook_event_name: event,
        timestamp: new Date().toISOString(),
        ...extra,
      });

    // Gemini CLI sends an empty transcript_path until its chat recording has started: the file is found by its name.
    const start = await runHook(
      ['hook', 'session-start', '--agent', 'gemini-cli'],
      payload('SessionStart', { source: 'startup', transcript_path: '' }),
      box.env,
    );
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toBe('');
    const sessions = await listed(box.env, 'gemini-cli');
    expect(sessions.map((s) => s.externalId).sort()).toEqual([main.id, sub.id].sort());
    expect(sessions.find((s) => s.externalId === main.id)).toMatchObject({
      status: 'active',
      projectPath: main.projectPath,
      inputTokens: main.tokens.input,
      outputTokens: main.tokens.output,
      cacheReadTokens: main.tokens.cacheRead,
    });

    const end = await runHook(
      ['hook', 'session-end', '--agent', 'gemini-cli'],
      payload('SessionEnd', { reason: 'exit' }),
      box.env,
    );
    expect(end.code, end.stderr).toBe(0);
    expect((await listed(box.env, 'gemini-cli')).find((s) => s.externalId === main.id)).toMatchObject({
      status: 'completed',
    });
  }, 90_000);

  it('qwen-code: the chat log of that session only; ended by SessionEnd', async () => {
    const truth = await generateQwenHome(box.home, { sessions: 3, callsPerSession: 3, seed: 12 });
    const main = truth.sessions[1]!;
    const transcript = join(
      box.home,
      '.qwen',
      'projects',
      qwenProjectDirName(main.projectPath),
      'chats',
      `${main.id}.jsonl`,
    );
    const payload = (event: string) =>
      JSON.stringify({
        session_id: main.id,
        transcript_path: transcript,
        cwd: main.projectPath,
        hook_event_name: event,
        timestamp: new Date().toISOString(),
      });

    const start = await runHook(['hook', 'session-start', '--agent', 'qwen-code'], payload('SessionStart'), box.env);
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toBe('');
    const sessions = await listed(box.env, 'qwen-code');
    expect(sessions.map((s) => s.externalId)).toEqual([main.id]);
    expect(sessions[0]).toMatchObject({
      status: 'active',
      projectPath: main.projectPath,
      inputTokens: main.tokens.input,
      outputTokens: main.tokens.output,
      cacheReadTokens: main.tokens.cacheRead,
    });

    const end = await runHook(['hook', 'session-end', '--agent', 'qwen-code'], payload('SessionEnd'), box.env);
    expect(end.code, end.stderr).toBe(0);
    expect((await listed(box.env, 'qwen-code'))[0]).toMatchObject({ externalId: main.id, status: 'completed' });
  }, 90_000);

  it('droid: transcript and token snapshot of that session only (snake_case and camelCase payloads); ended by SessionEnd', async () => {
    const truth = await generateDroidHome(box.home, { sessions: 3, requestsPerSession: 3, seed: 13 });
    const main = truth.sessions[1]!;
    expect(main.settingsPath).not.toBeNull();

    const start = await runHook(
      ['hook', 'session-start', '--agent', 'droid'],
      JSON.stringify({
        session_id: main.id,
        transcript_path: main.transcriptPath,
        cwd: main.projectPath,
        permission_mode: 'default',
        hook_event_name: 'SessionStart',
        source: 'startup',
      }),
      box.env,
    );
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toBe('');
    const sessions = await listed(box.env, 'droid');
    expect(sessions.map((s) => s.externalId)).toEqual([main.id]);
    expect(sessions[0]).toMatchObject({
      status: 'active',
      projectPath: main.projectPath,
      inputTokens: main.tokens.input,
      outputTokens: main.tokens.output,
      cacheReadTokens: main.tokens.cacheRead,
    });

    const end = await runHook(
      ['hook', 'session-end', '--agent', 'droid'],
      JSON.stringify({
        sessionId: main.id,
        transcriptPath: main.transcriptPath,
        cwd: main.projectPath,
        hookEventName: 'SessionEnd',
        reason: 'exit',
      }),
      box.env,
    );
    expect(end.code, end.stderr).toBe(0);
    expect((await listed(box.env, 'droid'))[0]).toMatchObject({ externalId: main.id, status: 'completed' });
  }, 90_000);
});
