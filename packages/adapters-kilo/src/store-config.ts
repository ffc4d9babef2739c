import { join } from 'node:path';
import type { StoreConfig } from '@rimuru/adapters-opencode';

/**
 * Kilo CLI: `~/.local/share/kilo/kilo.db` (`KILO_DATA_DIR`, ccusage's variable). A dev-channel
 * build writes `kilo-<channel>.db`, or keeps using an `opencode-<channel>.db` it found there.
 * On Windows, `%APPDATA%\\kilo` is looked at too (a location some Kilo tools report).
 * Kilo's gateway records real zero prices (free models), so a cost of 0 is recorded as such.
 * (A `session_id` inside the message JSON is read by the shared OpenCode-family reader.)
 */
export const KILO_STORE: StoreConfig = {
  id: 'kilo',
  label: 'Kilo CLI',
  dirName: 'kilo',
  envVar: 'KILO_DATA_DIR',
  dbName: 'kilo.db',
  channelPrefixes: ['kilo-', 'opencode-'],
  platformDirs: (platform, env) => {
    const appData = env['APPDATA']?.trim();
    return platform === 'win32' && appData ? [join(appData, 'kilo')] : [];
  },
  zeroCostIsRecorded: true,
};
