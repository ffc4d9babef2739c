import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ClaudeHomeTruth } from '@rimuru/test-utils/claude';
import { BIN_PATH, runCli } from './cli-harness.js';

export interface SessionJson {
  id: string;
  externalId: string;
  startedAt: string;
  endedAt: string;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  totalTokens: number | null;
  requestCount: number;
  models: string[];
  projectPath: string | null;
  [key: string]: unknown;
}

export function storePath(env: Record<string, string>): string {
  return join(env.XDG_DATA_HOME!, 'rimuru', 'rimuru.db');
}

/** Every session in the store, read without syncing (the store as the last run left it). */
// The CLI has no SQLite client of its own: borrow the store package's to tamper with a file.
interface SqlClient {
  execute(sql: string): Promise<unknown>;
  close(): void;
}
const { createClient: openRawSqlite } = createRequire(new URL('../../../packages/db/package.json', import.meta.url))(
  '@libsql/client',
) as { createClient: (config: { url: string }) => SqlClient };

/** Marks the store as written by a newer Rimuru (a migration this version does not know). */
export async function markStoreAsNewer(env: Record<string, string>): Promise<void> {
  const client = openRawSqlite({ url: `file:${storePath(env)}` });
  await client.execute(
    "INSERT INTO rimuru_migrations (version, name, checksum, applied_at) VALUES (999, 'future', 'x', 'now')",
  );
  // Into the main file, so a test comparing its bytes sees every later change.
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  client.close();
}

export async function storedSessions(env: Record<string, string>): Promise<SessionJson[]> {
  const result = await runCli(['sessions', '--no-sync', '--format', 'json', '--limit', '1000000'], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as SessionJson[];
}

/** The store holds exactly the generator's truth: each session once, every figure exact. */
export async function expectStoreMatchesTruth(env: Record<string, string>, truth: ClaudeHomeTruth): Promise<void> {
  const list = await storedSessions(env);
  expect(list.length).toBe(truth.sessions.length);
  const byId = new Map(list.map((s) => [s.externalId, s]));
  for (const t of truth.sessions) {
    const s = byId.get(t.sessionId);
    expect(s, t.sessionId).toBeDefined();
    expect({
      inputTokens: s!.inputTokens,
      outputTokens: s!.outputTokens,
      cacheReadTokens: s!.cacheReadTokens,
      cacheWriteTokens: s!.cacheWriteTokens,
      requestCount: s!.requestCount,
      startedAt: s!.startedAt,
      endedAt: s!.endedAt,
      models: [...s!.models].sort(),
    }).toEqual({
      inputTokens: t.tokens.input,
      outputTokens: t.tokens.output,
      cacheReadTokens: t.tokens.cacheRead,
      cacheWriteTokens: t.tokens.cacheWrite5m + t.tokens.cacheWrite1h,
      requestCount: t.requestCount,
      startedAt: t.startedAt,
      endedAt: t.endedAt,
      models: t.models,
    });
  }
}

export interface KilledRun {
  /** False when the run finished before the kill landed. */
  killed: boolean;
  stderr: string;
}

/** Starts the built CLI and SIGKILLs it after `afterMs` (no cleanup handler can run). */
export function runAndKill(args: string[], env: Record<string, string>, afterMs: number): Promise<KilledRun> {
  return runAndKillWhen(args, env, () => true, afterMs).then(({ killed, stderr }) => ({ killed, stderr }));
}

export interface AimedRun extends KilledRun {
  /** Milliseconds from spawn until `ready` first held; null when it never did. */
  readyAtMs: number | null;
  /** Milliseconds from spawn until the process ended. */
  endedAtMs: number;
}

/**
 * Spawns the CLI and sends SIGKILL `afterReadyMs` after `ready()` first holds (polled every
 * 5 ms), so kills can be aimed at a phase (e.g. after the store exists) rather than at process
 * start-up, whose length varies with the machine's load.
 */
export function runAndKillWhen(
  args: string[],
  env: Record<string, string>,
  ready: () => boolean,
  afterReadyMs: number,
): Promise<AimedRun> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN_PATH, ...args], {
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let readyAtMs: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      if (readyAtMs !== null || !ready()) return;
      readyAtMs = Date.now() - started;
      clearInterval(poll);
      timer = setTimeout(() => child.kill('SIGKILL'), afterReadyMs);
    }, 5);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', stderr, readyAtMs, endedAtMs: Date.now() - started });
    });
  });
}

/** No stack trace frames in what the user sees. */
export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at .+[:(].*\d+:\d+\)?$/m);
}
