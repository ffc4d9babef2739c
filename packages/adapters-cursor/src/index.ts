export { cursorAdapter } from './adapter.js';
export { cursorPaths, type CursorPaths } from './paths.js';
export { discoverCursorSources, discoverCliStores, cursorRoots } from './discover.js';
export { readGlobalDb, workspaceStorageOf } from './read-global.js';
export { readCliStore, decodeCliMeta, cliProjectPath, type CliStoreMeta } from './cli-store.js';
export {
  readWorkspaceIndex,
  readWorkspaceFolders,
  WORKSPACE_COMPOSERS_KEY,
  type WorkspaceIndex,
} from './workspace-index.js';
export { LEGACY_CHAT_KEY, parseLegacyChats, type LegacyChat } from './legacy-chat.js';
export { projectPathFromWorkspaceJson, uriToPath } from './workspace-uri.js';
// Moved to the kit; re-exported so this package's public API stays as it was.
export {
  readSqliteSnapshot,
  DEFAULT_SNAPSHOT_OPTIONS,
  type SnapshotMode,
  type SnapshotOptions,
  type SqliteView,
} from '@rimuru/adapter-kit/sqlite';
export { decodeJsonValue, type DecodedValue } from './kv-rows.js';
export { parseBubble, type ParsedBubble, type BubbleTokens } from './bubble.js';
export { parseComposer, type ParsedComposer } from './composer.js';
export { toEpochMs } from './timestamps.js';
