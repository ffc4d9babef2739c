import { basename, dirname } from 'node:path';
import { lineWarning, unreadableSource } from '@rimuru/adapter-kit';
import { quoteIdentifier, readSqliteSnapshot, type SafeCell, type SqliteView } from '@rimuru/adapter-kit/sqlite';
import type { AdapterContext, AdapterEvent } from '@rimuru/core';
import { DEFAULT_DATA_DIR, readRegistry } from './project-registry.js';
import { globalDataDirs } from './roots.js';
import { crushEvents, type MessageRow, type SessionRow } from './session-events.js';

interface StoreRows {
  isCrushStore: boolean;
  sessions: SessionRow[];
  messages: MessageRow[];
}

/** A column when the table has it, else NULL: older and newer schemas differ by a few columns. */
const pick = (columns: Set<string>, names: readonly string[]): string[] =>
  names.map((name) => (columns.has(name) ? quoteIdentifier(name) : 'NULL'));

/** A text cell: null for NULL, numbers and text that is not UTF-8 (`select` reads it as null). */
const text = (cell: SafeCell | undefined): string | null => (typeof cell === 'string' ? cell : null);

function storeRows(view: SqliteView): StoreRows {
  const sc = view.columns('sessions');
  if (!sc.has('id')) return { isCrushStore: false, sessions: [], messages: [] };
  const sessions = view
    .select(
      pick(sc, ['id', 'parent_session_id', 'title', 'cost', 'created_at', 'updated_at']),
      'FROM sessions ORDER BY rowid',
    )
    .map(([id, parent, title, cost, createdAt, updatedAt]) => ({
      id: text(id),
      parentId: text(parent),
      title: text(title),
      cost,
      createdAt,
      updatedAt,
    }));
  const mc = view.columns('messages');
  const messages: MessageRow[] = !mc.has('session_id')
    ? []
    : view
        .select(
          pick(mc, ['session_id', 'role', 'model', 'created_at', 'updated_at', 'finished_at']),
          'FROM messages ORDER BY rowid',
        )
        .map(([sessionId, role, model, createdAt, updatedAt, finishedAt]) => ({
          sessionId: text(sessionId),
          role: text(role),
          model: text(model),
          createdAt,
          updatedAt,
          finishedAt,
        }));
  return { isCrushStore: true, sessions, messages };
}

/**
 * The project a store belongs to: the registry entry whose data directory holds it, else the
 * parent of a default `.crush` data directory; null when neither says.
 */
async function projectOf(dbPath: string, ctx: AdapterContext): Promise<string | null> {
  const dataDir = dirname(dbPath);
  try {
    for (const dir of await globalDataDirs(ctx)) {
      const project = (await readRegistry(dir)).find((p) => p.dataDir === dataDir);
      if (project !== undefined) return project.path;
    }
  } catch {
    // An unusable override is reported by discovery; the project then falls back below.
  }
  return basename(dataDir) === DEFAULT_DATA_DIR ? dirname(dataDir) : null;
}

/** Reads one `crush.db` whole (a snapshot source): activities, recorded costs, one checkpoint. */
export async function* readCrushDb(path: string, ctx: AdapterContext): AsyncGenerator<AdapterEvent> {
  let rows: StoreRows;
  try {
    rows = (await readSqliteSnapshot(path, storeRows)).value;
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  if (!rows.isCrushStore) {
    yield lineWarning(null, 'invalid-record', 'no sessions table with an id column: not a Crush store');
  } else {
    // The sessions' recorded dollars (crushEvents' cost events) are not yielded: a usage record
    // makes the store count a session's tokens as known, and Crush keeps none. They wait for a
    // record kind that carries cost without tokens.
    const { activities, problems } = crushEvents(rows.sessions, rows.messages, await projectOf(path, ctx));
    for (const problem of problems) yield lineWarning(null, 'invalid-record', problem);
    yield* activities;
  }
  yield { type: 'checkpoint', offset: 0, state: null };
}
