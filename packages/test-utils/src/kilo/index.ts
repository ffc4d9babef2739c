import { generateOpenCodeHome, type OpenCodeHome, type OpenCodeHomeOptions } from '../opencode/index.js';

/**
 * A synthetic Kilo CLI home: OpenCode's store layout (Kilo is an OpenCode fork) under
 * `~/.local/share/kilo`, main database `kilo.db`, a dev-channel `kilo-<channel>.db`.
 */
export function generateKiloHome(
  home: string,
  options: Omit<OpenCodeHomeOptions, 'dirName' | 'dbName'> = {},
): Promise<OpenCodeHome> {
  return generateOpenCodeHome(home, { channelDbName: 'kilo-dev.db', ...options, dirName: 'kilo', dbName: 'kilo.db' });
}
