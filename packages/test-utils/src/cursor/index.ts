export { writeKvDb, rawValue, type KvRow, type RawValue, type KvDbOptions } from './sqlite-kv.js';
export {
  fileUri,
  cursorBubble,
  cursorComposerV10,
  cursorComposerV3,
  cursorWorkspaceComposers,
  type CursorBubbleInit,
  type CursorComposerInit,
} from './records.js';
export {
  cursorLinuxUserDir,
  writeCursorGlobalDb,
  writeCursorWorkspace,
  writeCursorCliStore,
  type CursorWorkspaceInit,
  type CursorCliMetaInit,
} from './homes.js';
export { startSqliteWriter, type SqliteWriter } from './sqlite-writer.js';
