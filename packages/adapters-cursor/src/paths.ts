import { isAbsolute, join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';

/** Where one machine's Cursor data lives; nothing here says the paths exist. */
export interface CursorPaths {
  /** The IDE's `User` directory (VS Code layout). */
  userDir: string;
  /** `User/globalStorage/state.vscdb`: every composer and bubble. */
  globalDb: string;
  /** `User/workspaceStorage`: one folder per opened workspace, mapping composers to projects. */
  workspaceStorage: string;
  /** `~/.cursor/chats`: cursor-agent CLI stores (`<md5(cwd)>/<agentId>/store.db`). */
  cliChats: string;
}

/**
 * The Electron `appData` directory Cursor runs under: `%APPDATA%` on Windows,
 * `~/Library/Application Support` on macOS, `$XDG_CONFIG_HOME` (absolute only, as the XDG spec
 * says) or `~/.config` elsewhere.
 */
function appDataDir(ctx: AdapterContext): string {
  if (ctx.platform === 'win32') {
    const appData = ctx.env['APPDATA'];
    return appData !== undefined && appData !== '' ? appData : join(ctx.homeDir, 'AppData', 'Roaming');
  }
  if (ctx.platform === 'darwin') return join(ctx.homeDir, 'Library', 'Application Support');
  const xdg = ctx.env['XDG_CONFIG_HOME'];
  return xdg !== undefined && isAbsolute(xdg) ? xdg : join(ctx.homeDir, '.config');
}

export function cursorPaths(ctx: AdapterContext): CursorPaths {
  const userDir = join(appDataDir(ctx), 'Cursor', 'User');
  return {
    userDir,
    globalDb: join(userDir, 'globalStorage', 'state.vscdb'),
    workspaceStorage: join(userDir, 'workspaceStorage'),
    cliChats: join(ctx.homeDir, '.cursor', 'chats'),
  };
}
