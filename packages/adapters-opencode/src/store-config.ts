import type { AgentType } from '@rimuru/core';
import type { CostRule } from './interpret-message.js';

/**
 * What tells the OpenCode family apart: OpenCode and its fork Kilo CLI write the same records
 * under their own data directory, database name and override variable.
 */
export interface StoreConfig extends CostRule {
  id: AgentType;
  label: string;
  /** Folder under the XDG data home (`opencode`, `kilo`). */
  dirName: string;
  /** The override variable ccusage honours (comma-separated roots). */
  envVar: string;
  /** The main database file name (`opencode.db`). */
  dbName: string;
  /** Prefixes of release-channel databases (`opencode-` for `opencode-beta.db`). */
  channelPrefixes: readonly string[];
  /** Further default data directories on a platform (besides `$XDG_DATA_HOME/<dirName>`). */
  platformDirs?: (platform: string, env: Readonly<Record<string, string | undefined>>) => string[];
}

export const OPENCODE_STORE: StoreConfig = {
  id: 'opencode',
  label: 'OpenCode',
  dirName: 'opencode',
  envVar: 'OPENCODE_DATA_DIR',
  dbName: 'opencode.db',
  channelPrefixes: ['opencode-'],
  zeroCostIsRecorded: false,
};

/** A database file of the store: the main one or a release channel's (`opencode-beta.db`). */
export function isStoreDb(config: StoreConfig, name: string): boolean {
  if (name === config.dbName) return true;
  if (!name.endsWith('.db')) return false;
  // The agent makes the channel name filename-safe (`[a-zA-Z0-9._-]`).
  return config.channelPrefixes.some(
    (prefix) => name.startsWith(prefix) && /^[A-Za-z0-9._-]+$/.test(name.slice(prefix.length, -'.db'.length)),
  );
}
