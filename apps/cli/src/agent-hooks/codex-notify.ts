import { isDeepStrictEqual } from 'node:util';
import { RimuruError } from '@rimuru/core';
import { parse as parseToml } from 'smol-toml';
import { backupPathOf, readTextOrNull, removeIfExists, writeAtomic, type HookChange } from './file-io.js';
import { rimuruArgv } from './hook-command.js';

/** Codex runs `notify` with the event JSON appended as one more argument. */
function codexNotifyArgv(): string[] {
  return [...rimuruArgv(), 'hook', 'notify', '--agent', 'codex'];
}

const OURS = (value: unknown): boolean => Array.isArray(value) && value.join(' ').includes('hook notify --agent codex');

function parse(text: string, path: string): Record<string, unknown> {
  try {
    return parseToml(text);
  } catch (error) {
    throw new RimuruError('CONFIG_ERROR', `${path} is not valid TOML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The top-level `notify = …` line (a key before the first table); null when there is none. */
const NOTIFY_LINE = /^notify\s*=.*(?:\r?\n|$)/m;

function topLevel(text: string): { head: string; rest: string } {
  const table = /^\s*\[/m.exec(text);
  return table === null
    ? { head: text, rest: '' }
    : { head: text.slice(0, table.index), rest: text.slice(table.index) };
}

function tomlArray(argv: readonly string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/**
 * Sets Codex's `notify` program to `rimuru hook notify`. The file is edited as text (one
 * line inserted before the first table) so the user's comments and layout survive, and the
 * result is parsed back to be sure it is valid TOML. Codex has a single notify program: one
 * the user set is never replaced.
 */
export async function installCodexNotify(path: string): Promise<HookChange> {
  const text = (await readTextOrNull(path)) ?? null;
  const current = text === null ? {} : parse(text, path);
  const line = `notify = ${tomlArray(codexNotifyArgv())}\n`;
  if (current.notify !== undefined && !OURS(current.notify)) {
    throw new RimuruError('CONFIG_ERROR', `${path} already sets notify = ${JSON.stringify(current.notify)}`, 1, {
      suggestions: [
        'Codex runs one notify program: remove yours first, or call `rimuru hook notify --agent codex` from it',
      ],
    });
  }
  if (isDeepStrictEqual(current.notify, codexNotifyArgv())) return 'unchanged';
  const source = text ?? '';
  const { head, rest } = topLevel(source);
  const next = OURS(current.notify)
    ? head.replace(NOTIFY_LINE, line) + rest
    : `${head}${head === '' || head.endsWith('\n') ? '' : '\n'}${line}${rest === '' ? '' : '\n'}${rest}`;
  parse(next, path);
  if (text !== null && !OURS(current.notify)) await writeAtomic(backupPathOf(path), text);
  await writeAtomic(path, next);
  return OURS(current.notify) ? 'updated' : 'installed';
}

/** Removes Rimuru's notify line; restores the backup's exact bytes when nothing else changed. */
export async function uninstallCodexNotify(path: string): Promise<HookChange> {
  const text = await readTextOrNull(path);
  if (text === null) return 'absent';
  if (!OURS(parse(text, path).notify)) return 'unchanged';
  const { head, rest } = topLevel(text);
  const next = head.replace(NOTIFY_LINE, '').replace(/\n\n$/, rest === '' ? '\n' : '\n') + rest;
  const backup = await readTextOrNull(backupPathOf(path));
  if (backup !== null && isDeepStrictEqual(parse(backup, path), parse(next, path))) {
    await writeAtomic(path, backup);
    await removeIfExists(backupPathOf(path));
    return 'restored';
  }
  if (backup === null && next.trim() === '') {
    await removeIfExists(path);
    return 'restored';
  }
  await writeAtomic(path, next);
  return 'removed';
}

export async function codexNotifyStatus(path: string): Promise<boolean> {
  const text = await readTextOrNull(path);
  return text !== null && OURS(parse(text, path).notify);
}
