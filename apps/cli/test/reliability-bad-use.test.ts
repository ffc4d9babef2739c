// @module-tag built
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSqliteIntegrity } from '@rimuru/db';
import { claudeAssistantLine, generateClaudeHome, type ClaudeHomeTruth } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli, type CliResult } from './cli-harness.js';
import { expectNoStack, expectStoreMatchesTruth, markStoreAsNewer, storePath } from './reliability-harness.js';

/** One `Error:` line (suggestions indented below it), the right exit code, no stack trace. */
function expectOneLine(result: CliResult, exitCode: number, pattern?: RegExp): void {
  expect(result.code, result.stderr).toBe(exitCode);
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('  '));
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Error: /);
  if (pattern) expect(lines[0]).toMatch(pattern);
  expectNoStack(result.stderr);
}

const COMMANDS: string[][] = [
  ['sessions'],
  ['sessions', 'history'],
  ['sessions', 'stats'],
  ['sessions', 'show', 'x'],
  ['sessions', 'delete', 'x'],
  ['sync'],
  ['agents'],
  ['doctor'],
  ['db', 'backup', 'x.db'],
  ['db', 'restore', 'x.db'],
  ['db', 'export'],
  ['db', 'import', 'x.ndjson'],
  ['db', 'prune', '--before', '2020-01-01'],
];

describe('bad use: one clear line, the right exit code, no stack trace', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  const run = (args: string[], extra: Record<string, string> = {}) => runCli(args, { ...sandbox.env, ...extra });

  beforeAll(async () => {
    sandbox = await makeSandbox();
    // Two sessions whose ids share the prefix "abcd".
    const dir = join(sandbox.home, '.claude', 'projects', '-w');
    mkdirSync(dir, { recursive: true });
    for (const sid of ['abcd0001-0000-4000-8000-000000000001', 'abcd0002-0000-4000-8000-000000000002']) {
      const line = claudeAssistantLine({
        sessionId: sid,
        cwd: '/w',
        timestamp: '2026-01-01T00:00:00.000Z',
        model: 'claude-sonnet-4-5',
        messageId: `m-${sid}`,
        requestId: `r-${sid}`,
        usage: { input: 1, output: 1 },
      });
      writeFileSync(join(dir, `${sid}.jsonl`), `${line}\n`);
    }
    expect((await run(['sync'])).code).toBe(0);
  });
  afterAll(() => sandbox.cleanup());

  it.each(COMMANDS)('%s … with an unknown flag exits 2', async (...command) => {
    expectOneLine(await run([...command, '--no-such-flag']), 2);
  });

  it('bad values exit 2', async () => {
    expectOneLine(await run(['sessions', '--since', 'last tuesday', '--no-sync']), 2, /since/);
    expectOneLine(await run(['sessions', '--format', 'xml', '--no-sync']), 2);
    expectOneLine(await run(['sessions', '--timezone', 'Mars/Olympus', '--no-sync']), 2);
    expectOneLine(await run(['sessions', 'history', '--range', '3x', '--no-sync']), 2);
    expectOneLine(await run(['sessions', '--limit', '-5', '--no-sync']), 2);
    expectOneLine(await run(['db', 'prune', '--before', 'soon']), 2, /--before/);
  });

  it('unknown ids exit 1, ambiguous prefixes exit 2 listing the candidates', async () => {
    expectOneLine(await run(['sessions', 'show', 'ffffffff', '--no-sync']), 1, /No session matches/);
    expectOneLine(await run(['sessions', 'delete', 'ffffffff', '--yes']), 1, /No session matches/);
    const ambiguous = await run(['sessions', 'show', 'abcd', '--no-sync']);
    expectOneLine(ambiguous, 2, /matches 2 sessions/);
    expect(ambiguous.stderr).toContain('abcd0001');
    expectOneLine(await run(['sessions', 'delete', 'abcd', '--yes']), 2, /matches 2 sessions/);
  });

  it('destructive commands refuse without a terminal unless --yes, deleting nothing', async () => {
    expectOneLine(await run(['sessions', 'delete', 'abcd0001']), 2, /--yes/);
    expectOneLine(await run(['db', 'prune', '--before', '2030-01-01']), 2, /--yes/);
    const list = await run(['sessions', '--no-sync', '--format', 'json']);
    expect(JSON.parse(list.stdout)).toHaveLength(2);
  });

  it('an unwritable data dir: exit 1, one line', async () => {
    const file = join(sandbox.root, 'a-file');
    writeFileSync(file, 'x');
    expectOneLine(await run(['sessions'], { XDG_DATA_HOME: join(file, 'data') }), 1, /Cannot create the store/);
  });

  it('a corrupted or truncated store file: DB_CORRUPT in one line; the stack only with --verbose', async () => {
    const env = { XDG_DATA_HOME: join(sandbox.root, 'corrupt') };
    mkdirSync(join(sandbox.root, 'corrupt', 'rimuru'), { recursive: true });
    writeFileSync(storePath(env), Buffer.alloc(64 * 1024, 0x5a));
    expectOneLine(await run(['sessions'], env), 1, /not a readable SQLite database/);
    expectOneLine(await run(['sync'], env), 1, /not a readable SQLite database/);
    const verbose = await run(['sessions', '--verbose'], env);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/^\s+at /m);
    // A real store cut in half (a torn copy).
    const env2 = { XDG_DATA_HOME: join(sandbox.root, 'torn') };
    expect((await run(['sync'], env2)).code).toBe(0);
    truncateSync(storePath(env2), Math.floor(readFileSync(storePath(env2)).length / 2));
    rmSync(`${storePath(env2)}-wal`, { force: true });
    const torn = await run(['sessions'], env2);
    expect(torn.code).not.toBe(0);
    expectOneLine(torn, 1);
  });

  it('a store written by a newer version is refused untouched', async () => {
    const env = { XDG_DATA_HOME: join(sandbox.root, 'newer') };
    expect((await run(['sync'], env)).code).toBe(0);
    await markStoreAsNewer(env);
    const before = readFileSync(storePath(env));
    expectOneLine(await run(['sessions'], env), 1, /newer Rimuru/);
    expectOneLine(await run(['db', 'export'], env), 1, /newer Rimuru/);
    expect(readFileSync(storePath(env)).equals(before)).toBe(true);
  });

  it('unreachable PostgreSQL: DB_UNREACHABLE in one line, the password never shown', async () => {
    const url = 'postgres://alice:S3cr3t-pw@127.0.0.1:1/rimuru';
    for (const command of [['sessions'], ['sync'], ['db', 'export']]) {
      const result = await run(command, { DATABASE_URL: url });
      expectOneLine(result, 1, /Cannot reach PostgreSQL/);
      expect(result.stderr + result.stdout).not.toContain('S3cr3t-pw');
    }
    const doctor = await run(['doctor'], { DATABASE_URL: url });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout + doctor.stderr).not.toContain('S3cr3t-pw');
    expect(doctor.stdout).toMatch(/DB_UNREACHABLE/);
  });
});

/** A tiny tmpfs is the only honest way to fill a disk; it needs root (mount). */
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!canMount)('a full disk (1 MiB tmpfs)', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let mountPoint: string;
  let mounted = false;
  let truth: ClaudeHomeTruth;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    truth = await generateClaudeHome(sandbox.home, { sessions: 40, requestsPerSession: 40, seed: 3 });
    mountPoint = join(sandbox.root, 'tiny');
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', mountPoint]);
    mounted = true;
  });
  afterAll(async () => {
    // Lazy: a just-exited child may still hold the mount for a moment.
    if (mounted) execFileSync('umount', ['-l', mountPoint]);
    await sandbox.cleanup();
  });

  it('sync fails with one line and exit 1, and the store left behind passes the integrity check', async () => {
    const env = { ...sandbox.env, XDG_DATA_HOME: mountPoint };
    const result = await runCli(['sync'], env);
    expectOneLine(result, 1, /disk holding the store is full/);
    expect(await checkSqliteIntegrity(storePath(env))).toBe('ok');
    // Moved to a disk with room, the half-synced store completes to the exact truth.
    const bigger = { ...sandbox.env, XDG_DATA_HOME: join(sandbox.root, 'bigger') };
    mkdirSync(join(sandbox.root, 'bigger', 'rimuru'), { recursive: true });
    for (const suffix of ['', '-wal']) {
      if (existsSync(`${storePath(env)}${suffix}`))
        copyFileSync(`${storePath(env)}${suffix}`, `${storePath(bigger)}${suffix}`);
    }
    const resumed = await runCli(['sync'], bigger);
    expect(resumed.code, resumed.stderr).toBe(0);
    await expectStoreMatchesTruth(bigger, truth);
  });
});
