import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/run.js');

/** The built CLI entry point (for tests that spawn it themselves, e.g. to kill it). */
export const BIN_PATH = BIN;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real, built CLI binary in a child process with exactly the given environment. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...env }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

/** A throwaway machine: HOME, XDG dirs, all under one temp dir removed by `cleanup`. */
export async function makeSandbox(): Promise<{
  root: string;
  home: string;
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), 'rimuru-cli-'));
  const home = join(root, 'home');
  return {
    root,
    home,
    env: {
      HOME: home,
      XDG_DATA_HOME: join(root, 'data'),
      XDG_CONFIG_HOME: join(home, '.config'),
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export interface CliBackend {
  name: string;
  /** A fresh store: the env that selects it, and how to remove it afterwards. */
  database: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
}

/**
 * The two stores every CLI suite runs against: the embedded SQLite default (selected by the
 * sandbox's XDG dirs) and a fresh database on the test PostgreSQL server via DATABASE_URL.
 */
export const CLI_BACKENDS: CliBackend[] = [
  { name: 'embedded SQLite', database: () => Promise.resolve({ env: {}, drop: () => Promise.resolve() }) },
  {
    name: 'PostgreSQL',
    database: async () => {
      const { createTestDatabase } = await import('@rimuru/test-utils');
      const db = await createTestDatabase();
      return { env: { DATABASE_URL: db.url }, drop: db.drop };
    },
  },
];

/** A sandboxed machine on one backend, for one `describe`: set up before its tests, removed after. */
export interface CliMachine {
  readonly root: string;
  readonly home: string;
  readonly env: Record<string, string>;
  /** Runs the CLI and expects exit 0; its stdout. */
  run: (...args: string[]) => Promise<string>;
  /** The command's `--format json` answer. */
  json: <T>(...args: string[]) => Promise<T>;
}

/**
 * Registers beforeAll/afterAll that make a sandbox on `backend` (then `prepare` it, e.g. write
 * agent files) and remove both: the set-up every e2e suite over CLI_BACKENDS shares.
 */
export function useCliMachine(backend: CliBackend, prepare?: (machine: CliMachine) => Promise<void>): CliMachine {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>> | undefined;
  let drop: (() => Promise<void>) | undefined;
  let env: Record<string, string> = {};
  const started = () => {
    if (sandbox === undefined) throw new Error('the machine is set up in beforeAll');
    return sandbox;
  };
  const machine: CliMachine = {
    get root() {
      return started().root;
    },
    get home() {
      return started().home;
    },
    get env() {
      return env;
    },
    async run(...args) {
      const r = await runCli(args, env);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    },
    async json<T>(...args: string[]) {
      return JSON.parse(await machine.run(...args, '--format', 'json')) as T;
    },
  };
  beforeAll(async () => {
    sandbox = await makeSandbox();
    const db = await backend.database();
    drop = db.drop;
    env = { ...sandbox.env, ...db.env };
    await prepare?.(machine);
  });
  afterAll(async () => {
    await drop?.();
    await sandbox?.cleanup();
  });
  return machine;
}
