import { join } from 'node:path';
import { startSqliteWriter, writeKvDb } from '@rimuru/test-utils/cursor';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { readGlobalDb } from './read-global.js';

// The snapshot machinery itself is proven in @rimuru/adapter-kit/sqlite; this is the adapter on top of it.
describe('readGlobalDb while Cursor writes', () => {
  it('reads the whole database while another process commits in a loop, without a diagnostic', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(join(home.dir, 'state.vscdb'), { cursorDiskKV: [] });
      const writer = await startSqliteWriter(home.dir, path, 'loop', { journal: 'wal', prefix: 'composerData:n' });
      try {
        for (let i = 0; i < 3; i += 1) {
          const events = [];
          for await (const event of readGlobalDb(path, join(home.dir, 'none'))) events.push(event);
          expect(events.filter((e) => e.type === 'diagnostic')).toEqual([]);
          expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: 0, state: null });
        }
      } finally {
        await writer.stop();
      }
    });
  });

  it('reads a key that is not UTF-8 as no key instead of aborting the process', async () => {
    await withTempHome(async (home) => {
      const path = writeKvDb(join(home.dir, 'state.vscdb'), {
        cursorDiskKV: [{ key: 'composerData:ok', value: { _v: 10, composerId: 'ok', createdAt: 1759312800000 } }],
      });
      const db = new Database(path);
      // `composerData:` then the byte 0xFF, stored as TEXT.
      db.exec("INSERT INTO cursorDiskKV (key, value) VALUES (CAST(X'636F6D706F736572446174613AFF' AS TEXT), '{}')");
      db.close();
      const events = [];
      for await (const event of readGlobalDb(path, join(home.dir, 'none'))) events.push(event);
      expect(events.filter((e) => e.type === 'diagnostic' && e.severity === 'error')).toEqual([]);
      expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: 0, state: null });
    });
  });
});
