import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSqliteSnapshot } from './read-snapshot.js';
import { quoteIdentifier, safeColumn } from './safe-text.js';
import type { SqliteView } from './sqlite-view.js';

const require = createRequire(import.meta.url);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rimuru-kit-view-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** A database built by `sql`; `X'…'` literals cast AS TEXT put arbitrary bytes in a TEXT value. */
function writeDb(sql: string): string {
  const path = join(dir, 'agent.db');
  const db = new Database(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
  return path;
}

const read = async <T>(path: string, fn: (db: SqliteView) => T): Promise<T> =>
  (await readSqliteSnapshot(path, fn)).value;

const MIXED = `
  CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB);
  INSERT INTO t VALUES (1, 'plain', 1.5, X'00FF');
  INSERT INTO t VALUES (2, CAST(X'66FF6F' AS TEXT), NULL, NULL);
  INSERT INTO t VALUES (3, char(65279) || 'bom', 2, 'text in a blob column');
  INSERT INTO t VALUES (4, 'ünï 😀', 9007199254740993, CAST('bytes as text' AS BLOB));
`;

describe('SqliteView', () => {
  it('select: numbers stay numbers, text is the stored string, text that is not UTF-8 is null (no crash)', async () => {
    const path = writeDb(MIXED);
    const rows = await read(path, (db) =>
      db.select(['id', 'name', 'score', 'NULL'], 'FROM t WHERE id >= ? ORDER BY id', 1),
    );
    expect(rows).toEqual([
      [1, 'plain', 1.5, null],
      [2, null, null, null],
      [3, '\uFEFFbom', 2, null],
      [4, 'ünï 😀', 9007199254740992, null],
    ]);
  });

  it('select takes expressions: quoted identifiers, aggregates, correlated subqueries', async () => {
    const path = writeDb(`
      CREATE TABLE "odd ""name""" ("we""ird" TEXT);
      INSERT INTO "odd ""name""" VALUES ('x'), (CAST(X'80' AS TEXT));
      CREATE TABLE s (id TEXT); INSERT INTO s VALUES ('a'), ('b');
      CREATE TABLE m (sid TEXT, at); INSERT INTO m VALUES ('a', 5), ('a', CAST(X'C0' AS TEXT)), ('b', 'late');
    `);
    const odd = await read(path, (db) =>
      db.select([quoteIdentifier('we"ird')], `FROM ${quoteIdentifier('odd "name"')} ORDER BY rowid`),
    );
    expect(odd).toEqual([['x'], [null]]);
    const spans = await read(path, (db) =>
      db.select(
        ['s.id', '(SELECT MIN(m.at) FROM m WHERE m.sid = s.id)', '(SELECT MAX(m.at) FROM m WHERE m.sid = s.id)'],
        'FROM s ORDER BY s.id',
      ),
    );
    // MAX of a mixed column is its text: the invalid one reads as null instead of aborting the process.
    expect(spans).toEqual([
      ['a', 5, null],
      ['b', 'late', 'late'],
    ]);
  });

  it('all / iterate return raw rows; blobs selected AS BLOB are bytes whatever the stored type', async () => {
    const path = writeDb(MIXED);
    const sql = `SELECT id, CAST(data AS BLOB), ${safeColumn('name')} FROM t ORDER BY id`;
    const [all, streamed] = await read(path, (db) => [db.all(sql), [...db.iterate(sql)]]);
    expect(streamed).toEqual(all);
    expect(all.map((row) => row[0])).toEqual([1, 2, 3, 4]);
    const hex = (value: unknown): string => Buffer.from(value as Uint8Array).toString('hex');
    expect(hex(all[0]?.[1])).toBe('00ff');
    expect(all[1]?.[1]).toBeNull();
    expect(Buffer.from(all[2]?.[1] as Uint8Array).toString()).toBe('text in a blob column');
    expect(hex(all[1]?.[2])).toBe('66ff6f');
  });

  it('takes a lone bytes parameter as a value (libsql alone would abort on it, taking it for named parameters)', async () => {
    const path = writeDb(MIXED);
    const found = await read(path, (db) => ({
      all: db.all('SELECT id FROM t WHERE data = ?', Buffer.from([0, 255])),
      iterate: [...db.iterate('SELECT id FROM t WHERE data = ?', new Uint8Array([0, 255]))],
      select: db.select(['id'], 'FROM t WHERE data = ?', Buffer.from([0, 255])),
    }));
    expect(found).toEqual({ all: [[1]], iterate: [[1]], select: [[1]] });
  });

  it('hasTable and columns detect the schema: tables only, names read safely, nothing for a missing table', async () => {
    const path = writeDb(`
      CREATE TABLE sessions (id TEXT, "a ""q""" INTEGER);
      CREATE VIEW recent AS SELECT id FROM sessions;
      CREATE TABLE "it's" (x);
    `);
    const schema = await read(path, (db) => ({
      sessions: db.hasTable('sessions'),
      view: db.hasTable('recent'),
      missing: db.hasTable('nope'),
      columns: [...db.columns('sessions')],
      quoted: [...db.columns("it's")],
      none: db.columns('nope').size,
    }));
    expect(schema).toEqual({
      sessions: true,
      view: false,
      missing: false,
      columns: ['id', 'a "q"'],
      quoted: ['x'],
      none: 0,
    });
  });

  it('select never aborts on any bytes stored as TEXT, and decodes exactly what a strict UTF-8 decoder accepts', async () => {
    const path = writeDb('CREATE TABLE t (v TEXT)');
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const expected = (bytes: Uint8Array): string | null => {
      try {
        return strict.decode(bytes);
      } catch {
        return null;
      }
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 64 }), { minLength: 1, maxLength: 8 }),
        async (values) => {
          const db = new Database(path);
          try {
            db.exec('DELETE FROM t');
            const insert = db.prepare('INSERT INTO t VALUES (CAST(? AS TEXT))');
            for (const bytes of values) insert.run([Buffer.from(bytes)]); // an array: see sqlite-view.ts
          } finally {
            db.close();
          }
          const rows = await read(path, (view) => view.select(['v'], 'FROM t ORDER BY rowid'));
          expect(rows).toEqual(values.map((bytes) => [expected(bytes)]));
        },
      ),
      { numRuns: 25 },
    );
  });

  // Why `select` exists: if this ever stops aborting (a fixed libsql), the BLOB detour could go.
  it('a plain TEXT select of invalid UTF-8 aborts the whole process in libsql (checked in a child process)', () => {
    const path = writeDb("CREATE TABLE t (v TEXT); INSERT INTO t VALUES (CAST(X'66FF6F' AS TEXT));");
    const script = join(dir, 'probe.cjs');
    writeFileSync(
      script,
      `const D = require(${JSON.stringify(require.resolve('libsql'))});
       try { new D(${JSON.stringify(path)}).prepare('SELECT v FROM t').raw(true).all(); } catch { process.exit(3); }
       process.exit(0);`,
    );
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    // Neither a result (0) nor a catchable error (3): a Rust panic, which aborts.
    expect(child.signal ?? child.status).toBe('SIGABRT');
  });
});
