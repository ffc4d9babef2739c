import { join } from 'node:path';
import { collectEvents, ofType } from '@rimuru/test-utils/copilot';
import { withTempHome } from '@rimuru/test-utils/fs-home';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { readDbSource } from './read-db.js';

describe('Goose sessions.db with text that is not UTF-8', () => {
  it('reads it as absent instead of aborting the process (libsql panics on such TEXT)', async () => {
    await withTempHome(async (home) => {
      const path = join(home.dir, 'sessions.db');
      const db = new Database(path);
      db.exec(`
        CREATE TABLE sessions (id TEXT PRIMARY KEY, working_dir TEXT, name TEXT, created_at TEXT, updated_at TEXT, accumulated_input_tokens INTEGER, accumulated_output_tokens INTEGER);
        INSERT INTO sessions VALUES ('s1', CAST(X'2F746D702FFF' AS TEXT), CAST(X'C0AF' AS TEXT), '2025-11-01 10:00:00', '2025-11-01 10:05:00', 100, 20);
        INSERT INTO sessions VALUES (CAST(X'FF' AS TEXT), '/p', 'n', '2025-11-01 10:00:00', '2025-11-01 10:05:00', 1, 1);
      `);
      db.close();
      const events = await collectEvents(readDbSource(path));
      expect(ofType(events, 'diagnostic').filter((d) => d.severity === 'error')).toEqual([]);
      expect(ofType(events, 'activity')).toMatchObject([{ sessionExternalId: 's1', projectPath: null, title: null }]);
      expect(ofType(events, 'diagnostic').map((d) => d.message)).toContain('session row without id; skipped');
      expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: 0, state: null });
    });
  });
});
