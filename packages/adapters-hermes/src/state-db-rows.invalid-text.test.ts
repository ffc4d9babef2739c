import { join } from 'node:path';
import { collectEvents } from '@rimuru/test-utils/claude';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { readStateDb } from './read-state-db.js';

describe('Hermes state.db with text that is not UTF-8', () => {
  it('reads it as absent instead of aborting the process (libsql panics on such TEXT)', async () => {
    await withTempHome(async (home) => {
      const path = join(home.dir, 'state.db');
      const db = new Database(path);
      db.exec(`
        CREATE TABLE sessions (id TEXT PRIMARY KEY, source TEXT, model TEXT, title TEXT, started_at REAL);
        CREATE TABLE messages (session_id TEXT, timestamp);
        INSERT INTO sessions VALUES ('s1', 'cli', CAST(X'6DFF' AS TEXT), CAST(X'C0AF' AS TEXT), 1700000000);
        INSERT INTO messages VALUES ('s1', 1700000060), ('s1', CAST(X'FF' AS TEXT));
      `);
      db.close();
      const events = await collectEvents(readStateDb(path));
      expect(events).toMatchObject([
        {
          type: 'activity',
          sessionExternalId: 's1',
          title: null,
          firstAt: '2023-11-14T22:13:20.000Z',
          lastAt: '2023-11-14T22:14:20.000Z',
        },
        { type: 'checkpoint' },
      ]);
      expect(events[0]).not.toHaveProperty('models');
    });
  });
});
