// The SQLite side of the kit, a subpath of its own: importing it does not load libsql (that
// happens on the first read), and the main entry never imports it.
export { readSqliteSnapshot } from './read-snapshot.js';
export type { SqliteView } from './sqlite-view.js';
export { decodeCell, decodeText, quoteIdentifier, safeColumn, type SafeCell } from './safe-text.js';
