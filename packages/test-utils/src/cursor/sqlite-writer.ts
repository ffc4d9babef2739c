import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * A separate Node process writing a SQLite file the way a running Cursor does, so that tests see
 * real cross-process locks and WAL frames:
 * - `hold`: commits one row, then opens a write transaction with an uncommitted row and keeps it
 *   open until stopped;
 * - `loop`: commits a new row every few milliseconds until stopped.
 * Rows go to `cursorDiskKV` as `composerData:<prefix><n>`. Prints `ready` once the state is set.
 */
const CHILD = `
const Database = require(process.argv[2]);
const [path, mode, journal, prefix] = process.argv.slice(3);
const db = new Database(path, { timeout: 5000 });
if (journal === 'wal') db.exec('PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;');
const insert = db.prepare('INSERT INTO cursorDiskKV (key, value) VALUES (?, ?)');
const row = (n) => insert.run(prefix + n, JSON.stringify({ _v: 10, composerId: prefix + n, createdAt: 1759312800000 + n }));
let n = 0;
let timer = null;
if (mode === 'hold') {
  row(n++);
  db.exec('BEGIN IMMEDIATE');
  row(n++);
  process.stdout.write('ready\\n');
} else {
  row(n++);
  process.stdout.write('ready\\n');
  timer = setInterval(() => row(n++), 2);
}
process.stdin.on('data', () => {});
process.stdin.on('end', () => {
  if (timer) clearInterval(timer);
  if (db.inTransaction) db.exec('ROLLBACK');
  process.stdout.write('rows ' + n + '\\n');
  process.exit(0);
});
`;

export interface SqliteWriter {
  /** Ends the writer (rolling back an open transaction) and waits for it to exit. */
  stop(): Promise<void>;
  child: ChildProcess;
}

export async function startSqliteWriter(
  dir: string,
  path: string,
  mode: 'hold' | 'loop',
  options: { journal: 'wal' | 'delete'; prefix: string },
): Promise<SqliteWriter> {
  const script = join(dir, `sqlite-writer-${mode}.cjs`);
  writeFileSync(script, CHILD);
  const child = spawn(
    process.execPath,
    [script, require.resolve('libsql'), path, mode, options.journal, options.prefix],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end();
      }),
  };
}
