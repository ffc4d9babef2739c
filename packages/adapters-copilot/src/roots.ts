import {
  existingDirectories,
  isDirectory,
  isFile,
  resolveUserPath,
  vscodeUserDirCandidates,
} from '@rimuru/adapter-kit';
import { dirname, join } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';

const CONFIG_DIR_VAR = 'COPILOT_CONFIG_DIR';

/** The CLI's event-log folders under its config dir: current first, then the older name. */
const CLI_STATE_DIRS = ['session-state', 'history-session-state'] as const;

/** VS Code products whose Copilot Chat sessions are read (stable, then Insiders). */
const VSCODE_PRODUCTS = ['Code', 'Code - Insiders'] as const;

/**
 * The Copilot CLI's config directory: `COPILOT_CONFIG_DIR` when set (naming a directory that
 * does not exist is a misconfiguration, not an empty machine), else `~/.copilot`.
 */
async function copilotConfigDir(ctx: AdapterContext): Promise<string> {
  const configured = ctx.env[CONFIG_DIR_VAR]?.trim();
  if (configured === undefined || configured === '') return join(ctx.homeDir, '.copilot');
  const dir = resolveUserPath(configured, ctx.homeDir);
  if (!(await isDirectory(dir))) {
    throw new RimuruError('SOURCE_ERROR', `${CONFIG_DIR_VAR}="${configured}" is not a directory`, 1, {
      suggestions: [`Point ${CONFIG_DIR_VAR} at the Copilot CLI config directory (default ~/.copilot), or unset it`],
    });
  }
  return dir;
}

/** Existing CLI event-log folders: `session-state/` and the older `history-session-state/`. */
export async function copilotCliRoots(ctx: AdapterContext): Promise<string[]> {
  const base = await copilotConfigDir(ctx);
  return existingDirectories(CLI_STATE_DIRS.map((name) => join(base, name)));
}

/** Existing VS Code `User` directories: stable, Insiders, then VS Code Server's. */
async function vscodeUserDirs(ctx: AdapterContext): Promise<string[]> {
  return existingDirectories(vscodeUserDirCandidates(ctx, VSCODE_PRODUCTS));
}

/** Existing folders holding Copilot Chat sessions: each `workspaceStorage/` and empty-window store. */
export async function vscodeChatRoots(ctx: AdapterContext): Promise<string[]> {
  const candidates: string[] = [];
  for (const user of await vscodeUserDirs(ctx)) {
    candidates.push(join(user, 'workspaceStorage'), join(user, 'globalStorage', 'emptyWindowChatSessions'));
  }
  return existingDirectories(candidates);
}

/**
 * Copilot Chat's extension storage folder under `globalStorage` (VS Code names it after the
 * lower-cased extension id) and the OpenTelemetry span store it writes there once
 * `github.copilot.chat.otel.dbSpanExporter.enabled` is on.
 */
const TRACE_STORE = ['globalStorage', 'github.copilot-chat', 'agent-traces.db'] as const;

/** Existing Copilot Chat trace stores (`agent-traces.db`), one per VS Code `User` directory. */
export async function vscodeTraceStores(ctx: AdapterContext): Promise<string[]> {
  const stores: string[] = [];
  for (const user of await vscodeUserDirs(ctx)) {
    const store = join(user, ...TRACE_STORE);
    if (await isFile(store)) stores.push(store);
  }
  return stores;
}

/** Every data root, CLI first: what `rimuru agents` shows. */
export async function copilotRoots(ctx: AdapterContext): Promise<string[]> {
  const traceDirs = (await vscodeTraceStores(ctx)).map((store) => dirname(store));
  return [...(await copilotCliRoots(ctx)), ...(await vscodeChatRoots(ctx)), ...traceDirs];
}
