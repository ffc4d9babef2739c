import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BIN_PATH } from './cli-harness.js';

/** One billable Claude Code assistant line with exactly these tokens. */
export function claudeLine(o: {
  sessionId: string;
  cwd: string;
  at: Date;
  id: string;
  input: number;
  output: number;
}): string {
  return JSON.stringify({
    parentUuid: null,
    isSidechain: false,
    userType: 'external',
    cwd: o.cwd,
    sessionId: o.sessionId,
    version: '2.1.40',
    type: 'assistant',
    uuid: `a-${o.id}`,
    timestamp: o.at.toISOString(),
    requestId: `req_${o.id}`,
    message: {
      id: `msg_${o.id}`,
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text: 'x' }],
      usage: {
        input_tokens: o.input,
        output_tokens: o.output,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
      },
    },
  });
}

export async function appendLine(path: string, line: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, `${line}\n`);
}

export interface RunningCli {
  proc: ChildProcessWithoutNullStreams;
  stderr(): string;
  /** Resolves when stderr contains `text`. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built CLI as a long-running child (e.g. `watch`). */
export function startCli(args: string[], env: Record<string, string>): RunningCli {
  const proc = spawn(process.execPath, [BIN_PATH, ...args], {
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...env },
  });
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  proc.stdout.resume();
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    stderr: () => err,
    waitFor: async (text, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!err.includes(text)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}"; stderr:\n${err}`);
        if (proc.exitCode !== null) throw new Error(`exited ${proc.exitCode} before "${text}"; stderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: async (signal) => {
      if (proc.exitCode === null) proc.kill(signal);
      return exited;
    },
  };
}
