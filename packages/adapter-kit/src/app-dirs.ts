import { isAbsolute, join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/** What the platform folders depend on. */
export type PlatformContext = Pick<AdapterContext, 'homeDir' | 'env' | 'platform'>;

/**
 * Where Electron puts application data (`app.getPath('appData')`), the parent of VS Code's and
 * its forks' `User` folders: `~/Library/Application Support` on macOS, `%APPDATA%` (else
 * `~\AppData\Roaming`) on Windows, `$XDG_CONFIG_HOME` or `~/.config` elsewhere.
 */
export function electronAppDataDir(ctx: PlatformContext): string {
  if (ctx.platform === 'darwin') return join(ctx.homeDir, 'Library', 'Application Support');
  if (ctx.platform === 'win32') {
    const appData = ctx.env['APPDATA'];
    return appData !== undefined && appData.trim() !== '' ? appData : join(ctx.homeDir, 'AppData', 'Roaming');
  }
  // Linux and other Unixes: Electron honours XDG_CONFIG_HOME; the XDG spec ignores a relative one.
  const xdg = ctx.env['XDG_CONFIG_HOME'];
  return xdg !== undefined && isAbsolute(xdg) ? xdg : join(ctx.homeDir, '.config');
}

/** VS Code Server (Remote-SSH, WSL, tunnels) keeps its user data under the home directory. */
const VSCODE_SERVER_DIRS = ['.vscode-server', '.vscode-server-insiders'] as const;

/**
 * Candidate VS Code `User` folders (existing or not): each product's (`Code`, `Code - Insiders`,
 * `VSCodium`, …, the folder names under the app-data dir) in the given order, then VS Code Server's.
 */
export function vscodeUserDirCandidates(ctx: PlatformContext, products: readonly string[]): string[] {
  const appData = electronAppDataDir(ctx);
  return [
    ...products.map((product) => join(appData, product, 'User')),
    ...VSCODE_SERVER_DIRS.map((dir) => join(ctx.homeDir, dir, 'data', 'User')),
  ];
}
