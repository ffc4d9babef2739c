import { isAbsolute, join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/**
 * VS Code and the forks these extensions install into (the list public readers such as
 * splitrail scan), each keeping its `User` folder under the platform's application-data dir.
 */
export const VSCODE_PRODUCTS = ['Code', 'Code - Insiders', 'VSCodium', 'Cursor', 'Windsurf', 'Positron', 'Trae', 'Antigravity'] as const;

/** VS Code Server (Remote-SSH, WSL, tunnels) keeps its user data under the home directory. */
export const VSCODE_SERVER_DIRS = ['.vscode-server', '.vscode-server-insiders'] as const;

/** Where Electron puts application data on each platform (VS Code's `User` dir lives there). */
export function appDataDir(ctx: AdapterContext): string {
  if (ctx.platform === 'darwin') return join(ctx.homeDir, 'Library', 'Application Support');
  if (ctx.platform === 'win32') {
    const appData = ctx.env['APPDATA'];
    return appData !== undefined && appData.trim() !== '' ? appData : join(ctx.homeDir, 'AppData', 'Roaming');
  }
  // Linux and other Unixes: Electron honours XDG_CONFIG_HOME; the XDG spec ignores a relative one.
  const xdg = ctx.env['XDG_CONFIG_HOME'];
  return xdg !== undefined && isAbsolute(xdg) ? xdg : join(ctx.homeDir, '.config');
}

/** Candidate VS Code `User` folders (existing or not): every product, then VS Code Server's. */
export function vscodeUserDirCandidates(ctx: AdapterContext): string[] {
  const appData = appDataDir(ctx);
  return [...VSCODE_PRODUCTS.map((product) => join(appData, product, 'User')), ...VSCODE_SERVER_DIRS.map((dir) => join(ctx.homeDir, dir, 'data', 'User'))];
}

/** Candidate `globalStorage/<extensionId>` folders of an extension in every VS Code `User` folder. */
export function extensionStorageCandidates(ctx: AdapterContext, extensionId: string): string[] {
  return vscodeUserDirCandidates(ctx).map((user) => join(user, 'globalStorage', extensionId));
}
