import { join } from 'node:path';
import Database from 'libsql';
import type { AdapterEvent, SessionActivity } from '@rimuru/core';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { createTempHome, testAdapterContext, type TempHome } from '@rimuru/test-utils/fs-home';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCrushDb } from './read-crush-db.js';

describe('readCrushDb', () => {
  let home: TempHome;
  beforeEach(async () => {
    home = await createTempHome('rimuru-crush-db-');
  });
  afterEach(async () => home.cleanup());

  async function read(path: string): Promise<AdapterEvent[]> {
    return collectEvents(readCrushDb(path, testAdapterContext({ homeDir: home.dir })));
  }

  it('reads an older schema (no provider, millisecond times) and text that is not UTF-8 without dying', async () => {
    const path = join(await home.mkdir('proj/.crush'), 'crush.db');
    const db = new Database(path);
    db.exec(`CREATE TABLE sessions (id TEXT PRIMARY KEY, parent_session_id TEXT, title TEXT NOT NULL, message_count INTEGER, prompt_tokens INTEGER,
      completion_tokens INTEGER, cost REAL, updated_at INTEGER, created_at INTEGER);
      CREATE TABLE messages (id TEXT PRIMARY KEY, session_id TEXT, role TEXT, parts TEXT, model TEXT, created_at INTEGER, updated_at INTEGER, finished_at INTEGER);
      INSERT INTO sessions VALUES ('s1', NULL, CAST(x'fffe41' AS TEXT), 2, 9000, 300, 0.5, 1767600060000, 1767600000000);
      INSERT INTO messages VALUES ('m1', 's1', 'assistant', '[]', CAST(x'c3' AS TEXT), 1767600010000, 1767600020000, NULL);`);
    db.close();
    const events = await read(path);
    const activity = events.find((e): e is SessionActivity => e.type === 'activity');
    expect(activity).toMatchObject({
      sessionExternalId: 's1',
      title: null,
      models: [],
      projectPath: join(home.dir, 'proj'),
      tokensKnown: false,
    });
    expect(activity?.firstAt).toBe(new Date(1767600000000).toISOString());
    expect(usageEvents(events)).toEqual([]);
    expect(events.at(-1)).toEqual({ type: 'checkpoint', offset: 0, state: null });
  });

  it('reports a SQLite file that is not a Crush store, and a file that is not SQLite', async () => {
    const other = join(home.dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE kv (k TEXT, v TEXT)');
    db.close();
    const notCrush = await read(other);
    expect(notCrush.filter((e) => e.type === 'diagnostic')).toHaveLength(1);
    const junk = await home.write('junk/crush.db', 'not a database at all, just some text padding it out '.repeat(20));
    const events = await read(junk);
    expect(events.some((e) => e.type === 'diagnostic')).toBe(true);
    expect(events.some((e) => e.type === 'usage' || e.type === 'activity')).toBe(false);
  });
});
