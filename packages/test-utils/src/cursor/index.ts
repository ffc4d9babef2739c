export { writeKvDb, rawValue, type KvRow } from './sqlite-kv.js';
export { fileUri, cursorBubble, cursorComposerV10, cursorComposerV3 } from './records.js';
export { cursorLinuxUserDir, writeCursorGlobalDb, writeCursorWorkspace, writeCursorCliStore } from './homes.js';
export { startSqliteWriter } from './sqlite-writer.js';
