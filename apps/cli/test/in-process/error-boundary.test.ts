import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markStoreAsNewer, storePath } from '../reliability-harness.js';
import { expectOneLineError, useCommandMachine, writeClaudeSession } from './command-harness.js';

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The one error boundary, run in-process: a store that cannot be used is one line and an exit code, never a stack. */
describe('error boundary on store errors (in-process)', () => {
  const machine = useCommandMachine((m) => {
    writeClaudeSession(m.home, {
      id: 'abcd0001-0000-4000-8000-000000000001',
      cwd: '/w',
      models: ['claude-sonnet-4-5'],
    });
    return Promise.resolve();
  });
  /** XDG_DATA_HOME of a store of its own under the sandbox. */
  const dataHome = (name: string) => ({ XDG_DATA_HOME: join(machine.root, name) });

  it('a file that is not a database: its path and SQLITE_NOTADB; the stack only with --verbose', async () => {
    const env = dataHome('garbage');
    mkdirSync(join(env.XDG_DATA_HOME, 'rimuru'), { recursive: true });
    writeFileSync(storePath(env), Buffer.alloc(64 * 1024, 0x5a));
    for (const [command, argv] of [
      ['sessions', []],
      ['sessions', ['--no-sync']],
      ['report daily', ['--no-sync']],
      ['sync', []],
    ] as const) {
      expectOneLineError(
        await machine.run(command, [...argv], env),
        1,
        new RegExp(`^Error: The store at ${escapeRegExp(storePath(env))} is not a readable SQLite database`),
      );
    }
    expect((await machine.run('sessions', [], env)).stderr).toContain('(SQLITE_NOTADB: file is not a database)');
    const verbose = await machine.run('sessions', ['--verbose'], env);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/^\s+at /m);
  });

  it('a data dir that cannot be created: one line, exit 1', async () => {
    const file = join(machine.root, 'a-file');
    writeFileSync(file, 'x');
    expectOneLineError(
      await machine.run('sessions', [], { XDG_DATA_HOME: join(file, 'data') }),
      1,
      /Cannot create the store/,
    );
  });

  it('a store written by a newer version is refused untouched', async () => {
    const env = dataHome('newer');
    expect((await machine.run('sync', [], env)).code).toBe(0);
    await markStoreAsNewer(env);
    const before = readFileSync(storePath(env));
    expectOneLineError(await machine.run('sessions', [], env), 1, /newer Rimuru/);
    expectOneLineError(await machine.run('costs', ['--range', 'all'], env), 1, /newer Rimuru/);
    expect(readFileSync(storePath(env)).equals(before)).toBe(true);
  });
});
