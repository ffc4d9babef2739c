import { existingDirectories, isDirectory, rootsFromEnv } from '@rimuru/adapter-kit';
import { isAbsolute, join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const PATH_ROOT_VAR = 'GOOSE_PATH_ROOT';

/** Under `GOOSE_PATH_ROOT` Goose keeps its data in `data/`, sessions in `data/sessions/`. */
async function sessionsDirOf(root: string): Promise<string | null> {
  const dir = join(root, 'data', 'sessions');
  return (await isDirectory(dir)) ? dir : null;
}

/**
 * Goose's `sessions/` directories (holding `sessions.db` and legacy `<id>.jsonl` files).
 * `GOOSE_PATH_ROOT` (Goose's own override, honoured by ccusage; a comma list is accepted)
 * replaces the defaults. Otherwise Goose's data dir as the `etcetera` app strategy resolves it:
 * XDG on Linux and macOS (`$XDG_DATA_HOME/goose`, default `~/.local/share/goose`), plus the
 * places ccusage also checks (`~/Library/Application Support/goose`, `~/.local/share/Block/goose`),
 * and on Windows `%APPDATA%\Block\goose\data`.
 */
export async function gooseSessionRoots(ctx: AdapterContext): Promise<string[]> {
  const configured = await rootsFromEnv(ctx.env, PATH_ROOT_VAR, ctx.homeDir, sessionsDirOf);
  if (configured !== null) {
    if (configured.roots.length === 0) {
      throw new RimuruError('SOURCE_ERROR', `${PATH_ROOT_VAR}="${configured.value}" has no data/sessions/ folder`, 1, {
        suggestions: [`Point ${PATH_ROOT_VAR} at the Goose root holding data/sessions/, or unset it`],
      });
    }
    return configured.roots;
  }
  const home = ctx.homeDir;
  const candidates: string[] = [];
  if (ctx.platform === 'win32') {
    const appData = ctx.env['APPDATA'];
    const roaming = appData !== undefined && appData.trim() !== '' ? appData : join(home, 'AppData', 'Roaming');
    candidates.push(join(roaming, 'Block', 'goose', 'data', 'sessions'));
  }
  const xdg = ctx.env['XDG_DATA_HOME'];
  if (xdg !== undefined && isAbsolute(xdg)) candidates.push(join(xdg, 'goose', 'sessions'));
  candidates.push(join(home, '.local', 'share', 'goose', 'sessions'));
  if (ctx.platform === 'darwin') candidates.push(join(home, 'Library', 'Application Support', 'goose', 'sessions'));
  candidates.push(join(home, '.local', 'share', 'Block', 'goose', 'sessions'));
  return existingDirectories(candidates);
}
