import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { Config } from '@oclif/core';
import { captureOutput } from '@oclif/test';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { claudeAssistantLine } from '@rimuru/test-utils/claude';
import { makeSandbox, type CliResult } from '../cli-harness.js';
import { expectNoStack } from '../reliability-harness.js';
import Agents from '../../src/commands/agents.js';
import Costs from '../../src/commands/costs/index.js';
import CostsByModel from '../../src/commands/costs/by-model.js';
import ReportDaily from '../../src/commands/report/daily.js';
import Sessions from '../../src/commands/sessions/index.js';
import SessionsHistory from '../../src/commands/sessions/history.js';
import SessionsShow from '../../src/commands/sessions/show.js';
import SessionsStats from '../../src/commands/sessions/stats.js';
import Sync from '../../src/commands/sync.js';

/** A command class as these tests use it: oclif's static `run` and the id it reports errors under. */
interface CommandClass {
  id: string | undefined;
  run(argv: string[], config: Config): Promise<unknown>;
}

/** The commands these tests run, by the words a user types. */
const COMMANDS: Record<string, CommandClass> = {
  agents: Agents,
  costs: Costs,
  'costs by-model': CostsByModel,
  'report daily': ReportDaily,
  sessions: Sessions,
  'sessions history': SessionsHistory,
  'sessions show': SessionsShow,
  'sessions stats': SessionsStats,
  sync: Sync,
};

const CLI_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * oclif's config for the CLI's root without what a build makes (the command folder under
 * dist/, its manifest, the command_not_found hook) and without plugins: commands are handed
 * over as classes, so these tests run on the sources alone.
 */
async function sourceConfig(): Promise<Config> {
  const pjson = JSON.parse(readFileSync(`${CLI_ROOT}/package.json`, 'utf8')) as Config['pjson'];
  return Config.load({
    root: CLI_ROOT,
    pjson: { ...pjson, oclif: { ...pjson.oclif, commands: undefined, hooks: {}, plugins: [] } },
    userPlugins: false,
  });
}

/** Variables of the developer's shell that would change what a command does or prints. */
const CLEARED = ['DATABASE_URL', 'DEBUG', 'RIMURU_DATA_DIR', 'RIMURU_FORCE_TTY', 'COLUMNS', 'FORCE_COLOR'];

export interface CommandMachine {
  readonly root: string;
  readonly home: string;
  readonly env: Record<string, string>;
  /**
   * Runs `rimuru <command> <argv…>` in this process with the machine's environment (plus
   * `env`): what it wrote and the exit code the error boundary set.
   */
  run(command: string, argv: string[], env?: Record<string, string>): Promise<CliResult>;
}

/**
 * A throwaway machine (HOME and XDG dirs in a temp dir, so the embedded SQLite store too) for
 * one `describe`, whose commands run in-process: set up (then `prepare`d) before its tests,
 * removed after. The in-process twin of cli-harness's `useCliMachine`.
 */
export function useCommandMachine(prepare?: (machine: CommandMachine) => Promise<void>): CommandMachine {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>> | undefined;
  let config: Config | undefined;
  const started = () => {
    if (sandbox === undefined || config === undefined) throw new Error('the machine is set up in beforeAll');
    return { sandbox, config };
  };
  const machine: CommandMachine = {
    get root() {
      return started().sandbox.root;
    },
    get home() {
      return started().sandbox.home;
    },
    get env() {
      return started().sandbox.env;
    },
    async run(command, argv, env = {}) {
      const ctor = COMMANDS[command];
      if (ctor === undefined) throw new Error(`no command "${command}" in the in-process harness`);
      // oclif names a command from its manifest; errors and suggestions use that id.
      ctor.id = command.replaceAll(' ', ':');
      for (const name of CLEARED) vi.stubEnv(name, undefined);
      for (const [name, value] of Object.entries({ TZ: 'UTC', NO_COLOR: '1', ...machine.env, ...env }))
        vi.stubEnv(name, value);
      const exitCodeBefore = process.exitCode;
      process.exitCode = undefined;
      // oclif's this.log writes through console.log, which vitest intercepts: send it to the
      // streams captureOutput records, as in a real process.
      vi.spyOn(console, 'log').mockImplementation((...parts) => process.stdout.write(`${format(...parts)}\n`));
      vi.spyOn(console, 'error').mockImplementation((...parts) => process.stderr.write(`${format(...parts)}\n`));
      try {
        // NODE_ENV as the installed binary has it: oclif warns about development details otherwise.
        const output = await captureOutput(() => ctor.run(argv, started().config), { testNodeEnv: 'production' });
        const exit = output.error?.oclif?.exit;
        const code = exit ?? (output.error === undefined ? Number(process.exitCode ?? 0) : 1);
        return { code, stdout: output.stdout, stderr: output.stderr };
      } finally {
        process.exitCode = exitCodeBefore;
        vi.unstubAllEnvs();
        vi.restoreAllMocks();
      }
    },
  };
  beforeAll(async () => {
    sandbox = await makeSandbox();
    config = await sourceConfig();
    await prepare?.(machine);
  });
  afterAll(async () => {
    await sandbox?.cleanup();
  });
  return machine;
}

/** One Claude Code transcript under `home`: a request per model, an hour apart from 2026-01-01 00:00 UTC. */
export function writeClaudeSession(home: string, session: { id: string; cwd: string; models: string[] }): void {
  const dir = join(home, '.claude', 'projects', session.cwd.replaceAll('/', '-'));
  mkdirSync(dir, { recursive: true });
  const lines = session.models.map((model, i) =>
    claudeAssistantLine({
      sessionId: session.id,
      cwd: session.cwd,
      timestamp: `2026-01-01T0${i}:00:00.000Z`,
      model,
      messageId: `m-${i}`,
      requestId: `r-${i}`,
      usage: { input: 123_456, output: 23_456, cacheRead: 12_345_678, cacheWrite5m: 345_678 },
    }),
  );
  writeFileSync(join(dir, `${session.id}.jsonl`), `${lines.join('\n')}\n`);
}

/** The error boundary's answer: exactly one `Error:` line on stderr matching `pattern`, nothing on stdout, no stack. */
export function expectOneLineError(result: CliResult, exitCode: number, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(exitCode);
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Error: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stdout).toBe('');
  expectNoStack(result.stderr);
}
