// @module-tag built
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClaudeHome } from '@rimuru/test-utils/claude';
import { makeSandbox, runCli } from './cli-harness.js';
import { expectNoStack, storePath } from './reliability-harness.js';

// The CLI has no SQLite client of its own: borrow the store package's to checkpoint the WAL.
const { createClient } = createRequire(new URL('../../../packages/db/package.json', import.meta.url))(
  '@libsql/client',
) as {
  createClient: (config: { url: string }) => { execute(sql: string): Promise<unknown>; close(): void };
};

/** Every command that reads the store, each of which must name a damaged store the same way. */
const READERS: string[][] = [
  ['sessions', '--no-sync'],
  ['sessions'],
  ['sessions', 'show', 'a', '--no-sync'],
  ['report', 'daily', '--no-sync'],
  ['report', 'blocks', '--no-sync'],
  ['costs', '--range', 'all', '--no-sync'],
  ['agents', '--no-sync'],
  ['models', 'list'],
  ['export', 'usage', '--no-sync'],
  ['sync'],
  ['db', 'export'],
];

async function checkpoint(path: string): Promise<void> {
  const client = createClient({ url: `file:${path}` });
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  client.close();
}

/**
 * Damages the header of every third page past the 20th (past the schema), as a bad disk would:
 * SQLite sees an invalid page. (Garbage inside a cell's text instead makes libsql panic on the
 * invalid UTF-8 before SQLite can report anything: a driver bug no error boundary can catch.)
 */
function damagePages(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  for (let offset = 4096 * 20; offset < size - 4096; offset += 4096 * 3)
    writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, offset);
  closeSync(fd);
}

describe('errors name the cause', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    await generateClaudeHome(sandbox.home, { sessions: 60, requestsPerSession: 8, seed: 15 });
  });
  afterAll(() => sandbox.cleanup());

  it('a corrupted store: one line with SQLITE_CORRUPT and the path, exit 1, for every command', async () => {
    const env = { ...sandbox.env, XDG_DATA_HOME: join(sandbox.root, 'damaged') };
    expect((await runCli(['sync'], env)).code).toBe(0);
    await checkpoint(storePath(env));
    damagePages(storePath(env));
    for (const command of READERS) {
      const result = await runCli(command, env);
      expect(result.code, `${command.join(' ')}: ${result.stderr}`).toBe(1);
      const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines, command.join(' ')).toEqual([
        `Error: The store at ${storePath(env)} is corrupted (SQLITE_CORRUPT: database disk image is malformed): restore a backup with \`rimuru db restore <file>\`; \`rimuru doctor\` checks it`,
      ]);
      expectNoStack(result.stderr);
    }
    // doctor calls it corruption, and suggests no move of a file it could read.
    const doctor = await runCli(['doctor'], env);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/FAIL {2}store integrity: .*SQLITE_CORRUPT/);
    expect(doctor.stdout).toMatch(/fix: restore a backup/);
    expect(doctor.stdout).not.toMatch(/move the file away/);
  });

  it('a file that is not a database: SQLITE_NOTADB and the path', async () => {
    const env = { ...sandbox.env, XDG_DATA_HOME: join(sandbox.root, 'garbage') };
    mkdirSync(join(sandbox.root, 'garbage', 'rimuru'), { recursive: true });
    const fd = openSync(storePath(env), 'w');
    writeSync(fd, Buffer.alloc(64 * 1024, 0x5a));
    closeSync(fd);
    const result = await runCli(['sessions'], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Error: The store at ${storePath(env)} is not a readable SQLite database (SQLITE_NOTADB: file is not a database): restore a backup with \`rimuru db restore <file>\`, or move it away to start a new one`,
    );
  });
});

/** A read-only bind mount is the honest read-only store for a root test run (root ignores file modes). */
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!canMount)('a read-only store (read-only bind mount)', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;
  let mountPoint: string;
  let mounted = false;
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = await makeSandbox();
    await generateClaudeHome(sandbox.home, { sessions: 12, requestsPerSession: 4, seed: 16 });
    const writable = { ...sandbox.env, XDG_DATA_HOME: join(sandbox.root, 'data') };
    expect((await runCli(['sync'], writable)).code).toBe(0);
    mountPoint = join(sandbox.root, 'ro');
    mkdirSync(mountPoint);
    execFileSync('mount', ['--bind', '-o', 'ro', join(sandbox.root, 'data'), mountPoint]);
    mounted = true;
    env = { ...sandbox.env, XDG_DATA_HOME: mountPoint };
  });
  afterAll(async () => {
    if (mounted) execFileSync('umount', ['-l', mountPoint]);
    await sandbox.cleanup();
  });

  it('reads work; the sync is skipped with one warning', async () => {
    const list = await runCli(['sessions', '--format', 'json', '--limit', '1000'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(12);
    expect(list.stderr).toBe(
      `warning: The store at ${storePath(env)} is read-only: showing it as it is, without syncing new agent data\n`,
    );
    const quiet = await runCli(['report', 'daily', '--no-sync'], env);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    expect((await runCli(['models', 'list', '--format', 'json'], env)).code).toBe(0);
  });

  it('sync says why it cannot write; doctor calls it read-only, not damaged, and never says to move it', async () => {
    const sync = await runCli(['sync'], env);
    expect(sync.code).toBe(1);
    expect(sync.stderr.trim()).toBe(
      `Error: The store at ${storePath(env)} is read-only: sync cannot add new agent data; make it writable or choose another --db`,
    );
    const doctor = await runCli(['doctor'], env);
    expect(doctor.code, doctor.stdout).toBe(0);
    expect(doctor.stdout).toMatch(/warn {2}store access: .* is read-only here/);
    expect(doctor.stdout).toMatch(/ok {4}store integrity: PRAGMA integrity_check: ok/);
    expect(doctor.stdout).not.toMatch(/move/);
  });
});
