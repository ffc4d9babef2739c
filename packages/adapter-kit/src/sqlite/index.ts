// The SQLite side of the kit, a subpath of its own: importing it does not load libsql (that
// happens on the first read), and the main entry never imports it.
export {
  readSqliteSnapshot,
  DEFAULT_SNAPSHOT_OPTIONS,
  MissingDatabaseError,
  type Snapshot,
  type SnapshotOptions,
} from './read-snapshot.js';
export type { SnapshotMode } from './open-read-only.js';
export type { SqliteView } from './sqlite-view.js';
export { decodeCell, decodeText, quoteIdentifier, safeColumn, safeExpr, type SafeCell } from './safe-text.js';
