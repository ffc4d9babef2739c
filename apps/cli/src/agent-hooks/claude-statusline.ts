import { isDeepStrictEqual } from 'node:util';
import { readTextOrNull, removeIfExists, writeAtomic } from './file-io.js';
import { hookCommandLine } from './hook-command.js';
import { isObject, parseSettings, settingsText, type Json } from './settings-json.js';

/**
 * installed: there was no statusLine; updated: ours, now calling this rimuru; unchanged: ours
 * already; kept: the user's own stays (no --replace); replaced: the user's own made way for ours.
 */
type StatuslineChange = 'installed' | 'updated' | 'unchanged' | 'kept' | 'replaced';

export interface StatuslineInstall {
  change: StatuslineChange;
  command: string;
  /** The user's own statusLine command, when there was one (kept, or replaced and saved). */
  userCommand: string | null;
  /** Where a replaced statusLine of the user's waits for `hooks uninstall`. */
  savedTo: string | null;
}

/** Ours whatever path rimuru runs from: the rimuru script (`…/rimuru`, `…/run.js`) then `statusline`. */
const OURS = /(^|[\s/'"])(rimuru|run\.js)'?\s+statusline(\s|$)/;

function statuslineCommand(): string {
  return hookCommandLine(['statusline']);
}

function isOurs(statusLine: Json | undefined): boolean {
  return isObject(statusLine) && typeof statusLine.command === 'string' && OURS.test(statusLine.command);
}

/** Where the user's statusLine is kept while ours replaces it. */
function savedStatuslinePath(path: string): string {
  return `${path}.rimuru-statusline`;
}

/**
 * Points Claude Code's `statusLine` at `rimuru statusline`, keeping every other setting. A
 * statusLine of the user's own stays unless `replace`; replaced, it is saved beside the file
 * and `hooks uninstall` puts it back. Runs after the lifecycle hooks' install, which has already
 * kept the user's file as the backup; again, it changes nothing.
 */
export async function installClaudeStatusline(path: string, options: { replace: boolean }): Promise<StatuslineInstall> {
  const settings = parseSettings(await readTextOrNull(path), path, 'installing the statusline');
  const command = statuslineCommand();
  const current = settings.statusLine;
  const userCommand =
    !isOurs(current) && isObject(current) && typeof current.command === 'string' ? current.command : null;
  const result = (change: StatuslineChange, savedTo: string | null = null): StatuslineInstall => ({
    change,
    command,
    userCommand,
    savedTo,
  });

  if (isOurs(current) && isObject(current)) {
    if (current.command === command && current.type === 'command') return result('unchanged');
    settings.statusLine = { ...current, type: 'command', command };
    await writeAtomic(path, settingsText(settings));
    return result('updated');
  }
  if (current !== undefined && !options.replace) return result('kept');
  let savedTo: string | null = null;
  if (current !== undefined) {
    savedTo = savedStatuslinePath(path);
    await writeAtomic(savedTo, `${JSON.stringify(current, null, 2)}\n`);
  }
  settings.statusLine = { type: 'command', command, padding: 0 };
  await writeAtomic(path, settingsText(settings));
  return result(current === undefined ? 'installed' : 'replaced', savedTo);
}

/**
 * Takes our statusLine out again, putting back the user's own where ours replaced it (before the
 * lifecycle hooks' uninstall, which may then restore the backup byte for byte).
 */
export async function uninstallClaudeStatusline(path: string): Promise<'removed' | 'restored' | 'absent'> {
  const text = await readTextOrNull(path);
  if (text === null) return 'absent';
  const settings = parseSettings(text, path, 'installing the statusline');
  if (!isOurs(settings.statusLine)) return 'absent';
  const savedPath = savedStatuslinePath(path);
  const savedText = await readTextOrNull(savedPath);
  let saved: Json | undefined;
  try {
    saved = savedText === null ? undefined : (JSON.parse(savedText) as Json);
  } catch {
    saved = undefined;
  }
  const next = structuredClone(settings);
  if (saved === undefined) delete next.statusLine;
  else next.statusLine = saved;
  if (!isDeepStrictEqual(next, settings)) await writeAtomic(path, settingsText(next));
  await removeIfExists(savedPath);
  return saved === undefined ? 'removed' : 'restored';
}

export async function claudeStatuslineInstalled(path: string): Promise<boolean> {
  return isOurs(parseSettings(await readTextOrNull(path), path, 'installing the statusline').statusLine);
}
