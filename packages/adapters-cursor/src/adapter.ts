import { basename } from 'node:path';
import type { AdapterContext, AdapterEvent, AgentAdapter, SourceRef } from '@rimuru/core';
import { readCliStore } from './cli-store.js';
import { cursorRoots, discoverCursorSources, hasCursorData } from './discover.js';
import { cursorPaths } from './paths.js';
import { readGlobalDb, workspaceStorageOf } from './read-global.js';
import { readWorkspaceFolders } from './workspace-index.js';

/** A cursor-agent store is named `store.db`; the IDE's databases `state.vscdb`. */
async function* readCursorSource(source: SourceRef, ctx: AdapterContext): AsyncGenerator<AdapterEvent> {
  if (basename(source.path) === 'store.db') {
    yield* readCliStore(source.path, await readWorkspaceFolders(cursorPaths(ctx).workspaceStorage));
  } else {
    yield* readGlobalDb(source.path, workspaceStorageOf(source.path));
  }
}

/**
 * Reads Cursor: IDE composers from the global `state.vscdb` (per-bubble token counts, projects
 * from the workspace databases) and cursor-agent CLI chats (sessions without token data).
 * Both are snapshot sources: re-read whole when they change, always without writing to them.
 */
export const cursorAdapter: AgentAdapter = {
  id: 'cursor',
  label: 'Cursor',
  detect: (ctx) => hasCursorData(ctx),
  roots: (ctx) => cursorRoots(ctx),
  discover: (ctx) => discoverCursorSources(ctx),
  read: (source, _from, ctx) => readCursorSource(source, ctx),
  // Its read uses only the context's data and logger: the engine may run it in a worker thread.
  readsOffThread: true,
};
