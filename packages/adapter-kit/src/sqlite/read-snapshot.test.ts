import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MissingDatabaseError, readSqliteSnapshot } from './read-snapshot.js';
import type { SqliteView } from './sqlite-view.js';

const require = createRequire(import.meta.url);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rimuru-kit-sqlite-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A database with one `items (name TEXT)` table holding `names`. */
function writeDb(path: string, names: string[], options: { wal?: 'clean-close' } = {}): string {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    if (options.wal !== undefined) db.exec('PRAGMA journal_mode=WAL');
    db.exec('CREATE TABLE items (name TEXT)');
    const insert = db.prepare('INSERT INTO items (name) VALUES (?)');
    for (const name of names) insert.run(name);
    if (options.wal !== undefined) db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  // A cleanly closed agent leaves no side files (libsql itself keeps them at close).
  if (options.wal !== undefined) for (const side of ['-wal', '-shm']) rmSync(`${path}${side}`, { force: true });
  return path;
}

/** Appends a row through a normal (rollback-journal) connection: the file changes. */
function appendRow(path: string, name: string): void {
  const db = new Database(path);
  try {
    db.prepare('INSERT INTO items (name) VALUES (?)').run(name);
  } finally {
    db.close();
  }
}

const names = (db: SqliteView): unknown[] => db.select(['name'], 'FROM items ORDER BY rowid').map((row) => row[0]);

/** Bytes and mtime of each named file (null when absent): what "unchanged" means for an agent's database. */
function fingerprint(files: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of files) {
    const path = join(dir, name);
    out[name] = existsSync(path)
      ? `${statSync(path).mtimeMs}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`
      : null;
  }
  return out;
}

/**
 * A separate Node process writing the database the way a running agent does, so the tests see
 * real cross-process locks and WAL frames. `hold` commits one row, then keeps a write
 * transaction with an uncommitted row open until stopped; `loop` commits a row every 2 ms.
 */
const WRITER = `
const Database = require(process.argv[2]);
const [path, mode, journal] = process.argv.slice(3);
const db = new Database(path, { timeout: 5000 });
if (journal === 'wal') db.exec('PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;');
const insert = db.prepare('INSERT INTO items (name) VALUES (?)');
let n = 0;
let timer = null;
insert.run('w' + n++);
if (mode === 'hold') {
  db.exec('BEGIN IMMEDIATE');
  insert.run('w' + n++);
} else {
  timer = setInterval(() => insert.run('w' + n++), 2);
}
process.stdout.write('ready\\n');
process.stdin.on('data', () => {});
process.stdin.on('end', () => {
  if (timer) clearInterval(timer);
  if (db.inTransaction) db.exec('ROLLBACK');
  process.exit(0);
});
`;

interface Writer {
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startWriter(path: string, mode: 'hold' | 'loop', journal: 'wal' | 'delete'): Promise<Writer> {
  // Outside `dir`, whose listing the tests compare.
  const script = join(dirname(dir), `${dir.split('/').pop()}-writer.cjs`);
  writeFileSync(script, WRITER);
  const child = spawn(process.execPath, [script, require.resolve('libsql'), path, mode, journal], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.stdin?.end();
      await exited;
      rmSync(script, { force: true });
    },
  };
}

describe('readSqliteSnapshot', () => {
  it('reads a quiet database immutably: no locks, no side files, nothing changed', async () => {
    const path = writeDb(join(dir, 'state.db'), ['a', 'b']);
    const before = readdirSync(dir).sort();
    const print = fingerprint(before);
    expect(await readSqliteSnapshot(path, names)).toEqual({ value: ['a', 'b'], mode: 'immutable' });
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(fingerprint(before)).toEqual(print);
  });

  it('leaves no -wal/-shm beside a checkpointed WAL-mode database', async () => {
    const path = writeDb(join(dir, 'state.db'), ['a'], { wal: 'clean-close' });
    // The header still says WAL: a plain read-only open would create -wal and -shm here.
    expect(readFileSync(path).subarray(18, 20)).toEqual(Buffer.from([2, 2]));
    expect(readdirSync(dir)).toEqual(['state.db']);
    const print = fingerprint(['state.db']);
    expect(await readSqliteSnapshot(path, names)).toEqual({ value: ['a'], mode: 'immutable' });
    expect(readdirSync(dir)).toEqual(['state.db']);
    expect(fingerprint(['state.db'])).toEqual(print);
  });

  it('sees the committed rows of a writer holding an open WAL transaction, not its uncommitted one, and changes nothing', async () => {
    const path = writeDb(join(dir, 'state.db'), ['base']);
    const writer = await startWriter(path, 'hold', 'wal');
    try {
      const files = ['state.db', 'state.db-wal'];
      const print = fingerprint(files);
      expect(print['state.db-wal']).not.toBeNull();
      expect(await readSqliteSnapshot(path, names)).toEqual({ value: ['base', 'w0'], mode: 'read-only' });
      expect(fingerprint(files)).toEqual(print);
    } finally {
      await writer.stop();
    }
  });

  it('reads again and again while another process commits in a loop, never failing, never going back', async () => {
    const path = writeDb(join(dir, 'state.db'), []);
    const writer = await startWriter(path, 'loop', 'wal');
    try {
      let previous = 1;
      for (let i = 0; i < 8; i += 1) {
        const { value } = await readSqliteSnapshot(path, names);
        expect(value.length).toBeGreaterThanOrEqual(previous);
        previous = value.length;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      await writer.stop();
    }
  });

  it('reads a rollback-journal database while a writer holds an open transaction: committed rows only, file untouched', async () => {
    const path = writeDb(join(dir, 'state.db'), ['base']);
    const writer = await startWriter(path, 'hold', 'delete');
    try {
      expect(statSync(`${path}-journal`).size).toBeGreaterThan(0);
      const print = fingerprint(['state.db']);
      const started = Date.now();
      const { value, mode } = await readSqliteSnapshot(path, names, { retryDelayMs: 5 });
      expect(value).toEqual(['base', 'w0']);
      // It waited for the journal to go (5 + 10 + 20 ms) before reading live.
      expect(mode).toBe('read-only');
      expect(Date.now() - started).toBeGreaterThanOrEqual(30);
      expect(fingerprint(['state.db'])).toEqual(print);
    } finally {
      await writer.stop();
    }
  });

  it('reads the WAL a crashed writer left behind without checkpointing it', async () => {
    const path = writeDb(join(dir, 'state.db'), []);
    const writer = await startWriter(path, 'hold', 'wal');
    writer.child.kill('SIGKILL');
    await writer.stop();
    const files = ['state.db', 'state.db-wal'];
    const print = fingerprint(files);
    expect(print['state.db-wal']).not.toBeNull();
    expect(await readSqliteSnapshot(path, names)).toEqual({ value: ['w0'], mode: 'read-only' });
    expect(fingerprint(files)).toEqual(print);
  });

  it('throws the file changed during the read away and reads it again', async () => {
    const path = writeDb(join(dir, 'state.db'), ['a']);
    let calls = 0;
    const result = await readSqliteSnapshot(path, (db) => {
      calls += 1;
      const seen = names(db);
      if (calls === 1) appendRow(path, 'b'); // the agent writes while we read
      return seen;
    });
    expect(calls).toBe(2);
    expect(result).toEqual({ value: ['a', 'b'], mode: 'immutable' });
  });

  it('notices a file replaced by another of the same size and mtime (a new inode)', async () => {
    const path = writeDb(join(dir, 'state.db'), ['a']);
    const other = writeDb(join(dir, 'other.db'), ['z']);
    const at = new Date('2025-01-01T00:00:00Z');
    utimesSync(path, at, at);
    utimesSync(other, at, at);
    expect(statSync(other).size).toBe(statSync(path).size);
    let calls = 0;
    const result = await readSqliteSnapshot(path, (db) => {
      calls += 1;
      if (calls === 1) renameSync(other, path); // an atomic replace, as editors and some agents save
      return names(db);
    });
    expect(statSync(path).mtimeMs).toBe(at.getTime());
    expect(calls).toBe(2);
    expect(result).toEqual({ value: ['z'], mode: 'immutable' });
  });

  it('falls back to a live read when the file changes under every immutable attempt', async () => {
    const path = writeDb(join(dir, 'state.db'), ['a']);
    const modes: boolean[] = [];
    const result = await readSqliteSnapshot(
      path,
      (db) => {
        modes.push(true);
        const seen = names(db);
        if (modes.length <= 3) appendRow(path, `x${modes.length}`);
        return seen;
      },
      { immutableAttempts: 3, retryDelayMs: 1 },
    );
    expect(modes).toHaveLength(4);
    expect(result).toEqual({ value: ['a', 'x1', 'x2', 'x3'], mode: 'read-only' });
  });

  it('gives a clear error for a missing file and never creates it', async () => {
    const path = join(dir, 'gone.db');
    const read = readSqliteSnapshot(path, names);
    await expect(read).rejects.toBeInstanceOf(MissingDatabaseError);
    await expect(read).rejects.toThrow(`${path}: no such file`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("throws SQLite's own error for a file that is not a database, and leaves it as it was", async () => {
    const path = join(dir, 'junk.db');
    writeFileSync(path, Buffer.alloc(4096, 0x41));
    const print = fingerprint(['junk.db']);
    await expect(readSqliteSnapshot(path, names)).rejects.toThrow(/not a database|file is encrypted/i);
    expect(readdirSync(dir)).toEqual(['junk.db']);
    expect(fingerprint(['junk.db'])).toEqual(print);
  });

  it('handles paths with characters that are special in URIs', async () => {
    const path = writeDb(join(dir, 'a dir?#%x', 'state.db'), ['q']);
    expect((await readSqliteSnapshot(path, names)).value).toEqual(['q']);
  });
});
