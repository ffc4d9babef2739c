import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFile } from '@rimuru/adapter-kit';
import { readSqliteSnapshot, type SqliteView } from '@rimuru/adapter-kit/sqlite';
import type { AdapterDiagnostic } from '@rimuru/core';
import { asObject, nonEmptyString } from './cursor-record.js';
import { decodeJsonValue, keyValue } from './kv-rows.js';
import { LEGACY_CHAT_KEY, parseLegacyChats, type LegacyChat } from './legacy-chat.js';
import { projectPathFromWorkspaceJson } from './workspace-uri.js';

/** The workspace `ItemTable` key listing a workspace's composers: the only composer → project link. */
const WORKSPACE_COMPOSERS_KEY = 'composer.composerData';

export interface WorkspaceIndex {
  /** Composer id → project folder (null: listed only by windows without a folder). */
  composerProjects: Map<string, string | null>;
  /** Every project folder a workspace names, in workspace order (for cursor-agent stores). */
  folders: string[];
  legacyChats: (LegacyChat & { projectPath: string | null })[];
  diagnostics: AdapterDiagnostic[];
}

function warn(code: string, message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code, message, line: null };
}

interface WorkspaceDbContent {
  composerIds: string[];
  legacy: ReturnType<typeof parseLegacyChats>;
  problems: AdapterDiagnostic[];
}

function readWorkspaceDb(db: SqliteView, label: string): WorkspaceDbContent {
  const content: WorkspaceDbContent = { composerIds: [], legacy: null, problems: [] };
  if (!db.hasTable('ItemTable')) return content;
  const composersRaw = keyValue(db, 'ItemTable', WORKSPACE_COMPOSERS_KEY);
  if (composersRaw !== undefined) {
    const decoded = decodeJsonValue(composersRaw);
    const all = decoded.ok ? asObject(decoded.value)?.['allComposers'] : undefined;
    if (!decoded.ok)
      content.problems.push(warn(decoded.code, `${label} ${WORKSPACE_COMPOSERS_KEY}: ${decoded.message}`));
    else if (!Array.isArray(all))
      content.problems.push(warn('invalid-record', `${label} ${WORKSPACE_COMPOSERS_KEY}: no allComposers array`));
    else {
      for (const entry of all) {
        const id = nonEmptyString(asObject(entry)?.['composerId']);
        if (id !== null) content.composerIds.push(id);
      }
    }
  }
  const legacyRaw = keyValue(db, 'ItemTable', LEGACY_CHAT_KEY);
  if (legacyRaw !== undefined) {
    const decoded = decodeJsonValue(legacyRaw);
    content.legacy = decoded.ok ? parseLegacyChats(decoded.value) : null;
    if (!decoded.ok) content.problems.push(warn(decoded.code, `${label} ${LEGACY_CHAT_KEY}: ${decoded.message}`));
    else if (content.legacy === null)
      content.problems.push(warn('invalid-record', `${label} ${LEGACY_CHAT_KEY}: no tabs array`));
  }
  return content;
}

/** The project folder of one `workspaceStorage/<hash>` folder, from its `workspace.json`. */
async function readWorkspaceJson(dir: string, label: string, diagnostics: AdapterDiagnostic[]): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'workspace.json'), 'utf8');
  } catch {
    return null; // Empty windows have no workspace.json.
  }
  try {
    return projectPathFromWorkspaceJson(JSON.parse(text));
  } catch {
    diagnostics.push(warn('invalid-json', `${label}/workspace.json is not valid JSON`));
    return null;
  }
}

/** The `<hash>` folders of `workspaceStorage`, sorted by code unit; none when it is missing. */
async function workspaceNames(workspaceStorage: string): Promise<string[]> {
  try {
    const entries = await readdir(workspaceStorage, { withFileTypes: true });
    return entries
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch {
    return [];
  }
}

/** Every project folder the workspaces name (from `workspace.json` only; no database opened). */
export async function readWorkspaceFolders(workspaceStorage: string): Promise<string[]> {
  const folders: string[] = [];
  for (const name of await workspaceNames(workspaceStorage)) {
    const folder = await readWorkspaceJson(join(workspaceStorage, name), name, []);
    if (folder !== null && !folders.includes(folder)) folders.push(folder);
  }
  return folders;
}

/**
 * Reads every `workspaceStorage/<hash>/` folder (in name order): its project folder from
 * `workspace.json` and, from its `state.vscdb`, the composers it lists and its legacy chats.
 * A composer listed by several workspaces keeps the first folder found (a folder beats none).
 */
export async function readWorkspaceIndex(workspaceStorage: string): Promise<WorkspaceIndex> {
  const index: WorkspaceIndex = { composerProjects: new Map(), folders: [], legacyChats: [], diagnostics: [] };
  for (const name of await workspaceNames(workspaceStorage)) {
    const dir = join(workspaceStorage, name);
    const label = `workspaceStorage/${name}`;
    const projectPath = await readWorkspaceJson(dir, label, index.diagnostics);
    if (projectPath !== null && !index.folders.includes(projectPath)) index.folders.push(projectPath);
    const dbPath = join(dir, 'state.vscdb');
    if (!(await isFile(dbPath))) continue;
    let content: WorkspaceDbContent;
    try {
      content = (await readSqliteSnapshot(dbPath, (db) => readWorkspaceDb(db, label))).value;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      index.diagnostics.push(warn('unreadable-source', `${label}/state.vscdb: ${reason}`));
      continue;
    }
    index.diagnostics.push(...content.problems);
    for (const id of content.composerIds) {
      if ((index.composerProjects.get(id) ?? null) === null) index.composerProjects.set(id, projectPath);
    }
    if (content.legacy !== null) {
      for (const chat of content.legacy.chats) index.legacyChats.push({ ...chat, projectPath });
      if (content.legacy.skipped > 0) {
        index.diagnostics.push(
          warn('invalid-record', `${label} ${LEGACY_CHAT_KEY}: ${content.legacy.skipped} malformed tab(s) skipped`),
        );
      }
    }
  }
  return index;
}
