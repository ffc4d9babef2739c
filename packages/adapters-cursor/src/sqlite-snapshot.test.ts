import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startSqliteWriter, writeKvDb } from '@rimuru/test-utils/cursor';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { keyValueRows } from './kv-rows.js';
import { readGlobalDb } from './read-global.js';
import { readSqliteSnapshot, type SqliteView } from './sqlite-snapshot.js';

/** Bytes and mtime of every file in the folder: what "unchanged" means for Cursor's database. */
function fingerprint(dir: string, names: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of names) {
    const path = join(dir, name);
    if (!existsSync(path)) {
      out[name] = null;
      continue;
    }
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    out[name] = `${statSync(path).mtimeMs}:${hash}`;
  }
  return out;
}

const composerKeys = (db: SqliteView): string[] => [...keyValueRows(db, 'cursorDiskKV', 'composerData:')].map((r) => r.key);

describe('readSqliteSnapshot', () => {
  it('reads a quiet database immutably: no locks, no side files, nothing changed', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(join(home.dir, 'state.vscdb'), { cursorDiskKV: [{ key: 'composerData:a', value: {} }] });
      const before = readdirSync(home.dir).sort();
      const print = fingerprint(home.dir, before);
      const result = await readSqliteSnapshot(path, composerKeys);
      expect(result).toEqual({ value: ['composerData:a'], mode: 'immutable' });
      expect(readdirSync(home.dir).sort()).toEqual(before);
      expect(fingerprint(home.dir, before)).toEqual(print);
    });
  });

  it('leaves no -wal/-shm beside a checkpointed WAL-mode database', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(
        join(home.dir, 'state.vscdb'),
        { cursorDiskKV: [{ key: 'composerData:a', value: {} }] },
        { journalMode: 'wal', cleanClose: true },
      );
      // The header still says WAL (a plain read-only open would create -wal and -shm here).
      expect(readFileSync(path).subarray(18, 20)).toEqual(Buffer.from([2, 2]));
      const names = readdirSync(home.dir).sort();
      expect(names).toEqual(['state.vscdb']);
      const print = fingerprint(home.dir, names);
      const result = await readSqliteSnapshot(path, composerKeys);
      expect(result.value).toEqual(['composerData:a']);
      expect(readdirSync(home.dir).sort()).toEqual(names);
      expect(fingerprint(home.dir, names)).toEqual(print);
    });
  });

  it('sees committed WAL frames of a writer holding an open transaction, not its uncommitted row, and changes nothing', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(join(home.dir, 'state.vscdb'), { cursorDiskKV: [{ key: 'composerData:base', value: {} }] });
      const writer = await startSqliteWriter(home.dir, path, 'hold', { journal: 'wal', prefix: 'composerData:w' });
      try {
        const names = ['state.vscdb', 'state.vscdb-wal'];
        const print = fingerprint(home.dir, names);
        expect(print['state.vscdb-wal']).not.toBeNull();
        const result = await readSqliteSnapshot(path, composerKeys);
        expect(result.mode).toBe('read-only');
        expect(result.value).toEqual(['composerData:base', 'composerData:w0']);
        expect(fingerprint(home.dir, names)).toEqual(print);
      } finally {
        await writer.stop();
      }
    });
  });

  it('reads again and again while another process commits in a loop, never failing', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(join(home.dir, 'state.vscdb'), { cursorDiskKV: [] });
      const writer = await startSqliteWriter(home.dir, path, 'loop', { journal: 'wal', prefix: 'composerData:n' });
      try {
        let previous = 0;
        for (let i = 0; i < 8; i += 1) {
          const { value } = await readSqliteSnapshot(path, composerKeys);
          expect(value.length).toBeGreaterThanOrEqual(Math.max(1, previous));
          previous = value.length;
          await new Promise((r) => setTimeout(r, 10));
        }
        // The whole adapter read works under the same writer too.
        const events = [];
        for await (const event of readGlobalDb(path, join(home.dir, 'none'))) events.push(event);
        expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
        expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: 0, state: null });
      } finally {
        await writer.stop();
      }
    });
  });

  it('reads a rollback-journal database while a writer holds an open transaction', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(join(home.dir, 'state.vscdb'), { cursorDiskKV: [{ key: 'composerData:base', value: {} }] });
      const writer = await startSqliteWriter(home.dir, path, 'hold', { journal: 'delete', prefix: 'composerData:w' });
      try {
        const print = fingerprint(home.dir, ['state.vscdb']);
        const { value } = await readSqliteSnapshot(path, composerKeys);
        expect(value).toEqual(['composerData:base', 'composerData:w0']);
        expect(fingerprint(home.dir, ['state.vscdb'])).toEqual(print);
      } finally {
        await writer.stop();
      }
    });
  });

  it('reads the WAL a crashed writer left behind without checkpointing it', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(join(home.dir, 'state.vscdb'), { cursorDiskKV: [] });
      const writer = await startSqliteWriter(home.dir, path, 'hold', { journal: 'wal', prefix: 'composerData:w' });
      writer.child.kill('SIGKILL');
      await writer.stop();
      const names = ['state.vscdb', 'state.vscdb-wal'];
      const print = fingerprint(home.dir, names);
      expect(print['state.vscdb-wal']).not.toBeNull();
      const { value, mode } = await readSqliteSnapshot(path, composerKeys);
      expect(mode).toBe('read-only');
      expect(value).toEqual(['composerData:w0']);
      expect(fingerprint(home.dir, names)).toEqual(print);
    });
  });

  it('refuses to create a missing database', async () => {
    await withTempHome(async (home) => {
      await expect(readSqliteSnapshot(join(home.dir, 'x.vscdb'), composerKeys)).rejects.toThrow();
      expect(readdirSync(home.dir)).toEqual([]);
    });
  });

  it('handles paths with characters that are special in URIs', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(join(home.dir, 'a dir?#%x', 'state.vscdb'), { cursorDiskKV: [{ key: 'composerData:q', value: {} }] });
      expect((await readSqliteSnapshot(path, composerKeys)).value).toEqual(['composerData:q']);
    });
  });
});
