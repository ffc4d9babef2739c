import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'libsql';
import { cursorWorkspaceComposers } from './records.js';
import { writeKvDb, type KvDbOptions, type KvRow } from './sqlite-kv.js';

/** `<home>/.config/Cursor/User` for a Linux context without XDG_CONFIG_HOME. */
export function cursorLinuxUserDir(homeDir: string): string {
  return join(homeDir, '.config', 'Cursor', 'User');
}

export function writeCursorGlobalDb(
  userDir: string,
  rows: KvRow[],
  options?: KvDbOptions & { itemTable?: KvRow[] },
): string {
  return writeKvDb(
    join(userDir, 'globalStorage', 'state.vscdb'),
    { cursorDiskKV: rows, ItemTable: options?.itemTable ?? [] },
    options,
  );
}

export interface CursorWorkspaceInit {
  /** `workspace.json` content; omitted for an empty window. */
  workspaceJson?: { folder: string } | { workspace: string } | Record<string, unknown> | string;
  composerIds?: string[];
  /** Further `ItemTable` rows (e.g. a legacy chat). */
  itemTable?: KvRow[];
  /** No `state.vscdb` at all. */
  noDb?: boolean;
}

/** Writes `User/workspaceStorage/<hash>/{workspace.json,state.vscdb}`; returns the folder. */
export function writeCursorWorkspace(userDir: string, hash: string, init: CursorWorkspaceInit): string {
  const dir = join(userDir, 'workspaceStorage', hash);
  mkdirSync(dir, { recursive: true });
  if (init.workspaceJson !== undefined) {
    const text = typeof init.workspaceJson === 'string' ? init.workspaceJson : JSON.stringify(init.workspaceJson);
    writeFileSync(join(dir, 'workspace.json'), text);
  }
  if (init.noDb !== true) {
    const rows: KvRow[] = [...(init.itemTable ?? [])];
    if (init.composerIds !== undefined)
      rows.push({ key: 'composer.composerData', value: cursorWorkspaceComposers(init.composerIds) });
    writeKvDb(join(dir, 'state.vscdb'), { ItemTable: rows });
  }
  return dir;
}

export interface CursorCliMetaInit {
  agentId: string;
  name?: string;
  createdAt?: number;
  lastUsedModel?: string;
}

/**
 * Writes a cursor-agent `store.db` (`meta(key, value)` with row "0" = hex-encoded JSON, plus a
 * `blobs(id, data)` table) at `<home>/.cursor/chats/<cwdHash>/<agentId>/store.db`.
 */
export function writeCursorCliStore(
  homeDir: string,
  cwdHash: string,
  meta: CursorCliMetaInit | { rawMeta: string | null },
): string {
  const agentId = 'agentId' in meta ? meta.agentId : 'agent-x';
  const dir = join(homeDir, '.cursor', 'chats', cwdHash, agentId);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'store.db');
  const db = new Database(path);
  try {
    db.exec('PRAGMA journal_mode=DELETE');
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)');
    db.exec('CREATE TABLE blobs (id TEXT PRIMARY KEY, data BLOB)');
    const value =
      'rawMeta' in meta
        ? meta.rawMeta
        : Buffer.from(JSON.stringify({ latestRootBlobId: 'root', mode: 'agent', ...meta }), 'utf8').toString('hex');
    if (value !== null) db.prepare("INSERT INTO meta (key, value) VALUES ('0', ?)").run(value);
    db.prepare('INSERT INTO blobs (id, data) VALUES (?, ?)').run(
      'm1',
      Buffer.from('{"role":"user","id":"1","content":[]}'),
    );
  } finally {
    db.close();
  }
  return path;
}
