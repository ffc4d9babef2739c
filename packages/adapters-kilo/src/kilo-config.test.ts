import { join } from 'node:path';
import Database from 'libsql';
import { isStoreDb, opencodeAdapter } from '@rimuru/adapters-opencode';
import type { AgentAdapter, UsageEvent } from '@rimuru/core';
import { collectEvents, usageEvents } from '@rimuru/test-utils/claude';
import { createTempHome, testAdapterContext } from '@rimuru/test-utils/fs-home';
import { describe, expect, it } from 'vitest';
import { kiloAdapter } from './adapter.js';
import { KILO_STORE } from './store-config.js';

/** One Kilo-style store: a free-model message whose JSON names its session as `session_id`. */
async function readOneMessage(adapter: AgentAdapter, dbName: string): Promise<UsageEvent[]> {
  const home = await createTempHome('rimuru-kilo-config-');
  try {
    const path = join(home.dir, dbName);
    const db = new Database(path);
    db.exec('CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT, data TEXT NOT NULL)');
    const data = {
      id: 'msg-1',
      session_id: 'sess-a',
      role: 'assistant',
      modelID: 'gpt-5',
      time: { created: 1767312000000 },
      tokens: { input: 1, output: 2, reasoning: 5 },
      cost: 0,
    };
    // The session column is empty so that only `data.session_id` can name the session.
    db.prepare('INSERT INTO message VALUES (?, ?, ?)').run('row-1', null, JSON.stringify(data));
    db.close();
    const ctx = testAdapterContext({ homeDir: home.dir });
    return usageEvents(await collectEvents(adapter.read({ path, mode: 'snapshot' }, { offset: 0, state: null }, ctx)));
  } finally {
    await home.cleanup();
  }
}

describe("Kilo's store configuration", () => {
  it('knows kilo.db, dev-channel databases and a kept opencode-named channel database', () => {
    expect(isStoreDb(KILO_STORE, 'kilo.db')).toBe(true);
    expect(isStoreDb(KILO_STORE, 'kilo-fix-windows-modified-files-tracking.db')).toBe(true);
    expect(isStoreDb(KILO_STORE, 'opencode-dev.db')).toBe(true);
    expect(isStoreDb(KILO_STORE, 'opencode.db')).toBe(false);
    expect(isStoreDb(KILO_STORE, 'kilo.db-wal')).toBe(false);
  });

  it('looks under %APPDATA%\\kilo on Windows only', () => {
    expect(KILO_STORE.platformDirs?.('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toHaveLength(1);
    expect(KILO_STORE.platformDirs?.('linux', { APPDATA: '/x' })).toEqual([]);
  });

  it('is the OpenCode reader with id kilo and label Kilo CLI', () => {
    expect([kiloAdapter.id, kiloAdapter.label]).toEqual(['kilo', 'Kilo CLI']);
  });

  it('keeps a recorded cost of 0 (OpenCode does not) and reads the session id from data', async () => {
    const [usage] = await readOneMessage(kiloAdapter, 'kilo.db');
    expect(usage).toMatchObject({ sessionExternalId: 'sess-a', dedupeKey: 'row-1', recordedCostUsd: 0 });
    // Reasoning on top of output (as ccusage's Kilo reader also counts it).
    expect(usage?.tokens.output).toBe(7);
    const [asOpenCode] = await readOneMessage(opencodeAdapter, 'opencode.db');
    expect(asOpenCode).toMatchObject({ sessionExternalId: 'sess-a', recordedCostUsd: null });
  });
});
