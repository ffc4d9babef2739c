import { isDeepStrictEqual } from 'node:util';
import { RimuruError } from '@rimuru/core';
import { backupPathOf, readTextOrNull, removeIfExists, writeAtomic, type HookChange } from './file-io.js';
import { hookCommandLine } from './hook-command.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Claude Code hook events Rimuru listens to, and the `rimuru hook` event each one calls. */
export const CLAUDE_HOOK_EVENTS = { SessionStart: 'session-start', Stop: 'stop', SessionEnd: 'session-end' } as const;

/** Recognises Rimuru's own hook entries whatever path rimuru was installed under. */
const OURS = /(^|\s)hook\s+(session-start|stop|session-end)\s+--agent\s+claude-code(\s|$)/;

function commandFor(rimuruEvent: string): string {
  return hookCommandLine(['hook', rimuruEvent, '--agent', 'claude-code']);
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOurs(hook: Json): boolean {
  return isObject(hook) && typeof hook.command === 'string' && OURS.test(hook.command);
}

function parse(text: string | null, path: string): JsonObject {
  if (text === null || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RimuruError('CONFIG_ERROR', `${path} is not valid JSON: fix it before installing hooks`);
  }
  if (!isObject(value as Json)) throw new RimuruError('CONFIG_ERROR', `${path} is not a JSON object`);
  return value as JsonObject;
}

function serialise(settings: JsonObject): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Every group of every event with Rimuru's entries taken out; groups and events left empty go too. */
function withoutOurs(settings: JsonObject): JsonObject {
  const copy = structuredClone(settings);
  if (!isObject(copy.hooks)) return copy;
  const hooks = copy.hooks;
  for (const event of Object.keys(hooks)) {
    const groups = hooks[event];
    if (!Array.isArray(groups)) continue;
    const kept = groups
      .map((group) => {
        if (!isObject(group) || !Array.isArray(group.hooks) || !group.hooks.some(isOurs)) return group;
        return { ...group, hooks: group.hooks.filter((h) => !isOurs(h)) };
      })
      .filter((group) => !(isObject(group) && Array.isArray(group.hooks) && group.hooks.length === 0));
    if (kept.length === 0) delete hooks[event];
    else hooks[event] = kept;
  }
  if (Object.keys(hooks).length === 0) delete copy.hooks;
  return copy;
}

function withOurs(settings: JsonObject): JsonObject {
  const copy = withoutOurs(settings);
  const hooks: JsonObject = isObject(copy.hooks) ? copy.hooks : {};
  for (const [event, rimuruEvent] of Object.entries(CLAUDE_HOOK_EVENTS)) {
    const groups = Array.isArray(hooks[event]) ? (hooks[event] as Json[]) : [];
    hooks[event] = [...groups, { hooks: [{ type: 'command', command: commandFor(rimuruEvent) }] }];
  }
  copy.hooks = hooks;
  return copy;
}

/** Every event already calls exactly this rimuru (wherever the user moved our groups). */
function allCurrent(settings: JsonObject): boolean {
  const hooks = isObject(settings.hooks) ? settings.hooks : {};
  return Object.entries(CLAUDE_HOOK_EVENTS).every(([event, rimuruEvent]) => {
    const groups = hooks[event];
    const ours = Array.isArray(groups)
      ? groups.flatMap((g) => (isObject(g) && Array.isArray(g.hooks) ? g.hooks.filter(isOurs) : []))
      : [];
    return ours.length === 1 && isObject(ours[0]) && ours[0].command === commandFor(rimuruEvent);
  });
}

/**
 * Adds Rimuru's SessionStart / Stop / SessionEnd hooks to a Claude Code settings file,
 * keeping every other setting and hook. The file is backed up before the first change;
 * running it again changes nothing.
 */
export async function installClaudeHooks(path: string): Promise<HookChange> {
  const text = await readTextOrNull(path);
  const settings = parse(text, path);
  if (allCurrent(settings)) return 'unchanged';
  const next = withOurs(settings);
  const hadOurs = !isDeepStrictEqual(withoutOurs(settings), settings);
  // Back up what the user had, not a file that already carries our hooks.
  if (text !== null && !hadOurs) await writeAtomic(backupPathOf(path), text);
  if (text === null) await removeIfExists(backupPathOf(path));
  await writeAtomic(path, serialise(next));
  return hadOurs ? 'updated' : 'installed';
}

/**
 * Takes Rimuru's hooks out again. When what remains equals the backup, the backup's exact
 * bytes are restored (formatting included); a file install created is removed.
 */
export async function uninstallClaudeHooks(path: string): Promise<HookChange> {
  const text = await readTextOrNull(path);
  if (text === null) return 'absent';
  const settings = parse(text, path);
  const next = withoutOurs(settings);
  if (isDeepStrictEqual(next, settings)) return 'unchanged';
  const backup = await readTextOrNull(backupPathOf(path));
  if (backup !== null && isDeepStrictEqual(parse(backup, path), next)) {
    await writeAtomic(path, backup);
    await removeIfExists(backupPathOf(path));
    return 'restored';
  }
  if (backup === null && Object.keys(next).length === 0) {
    await removeIfExists(path);
    return 'restored';
  }
  await writeAtomic(path, serialise(next));
  return 'removed';
}

/** Which of Rimuru's events are installed in the file. */
export async function claudeHooksStatus(path: string): Promise<Record<keyof typeof CLAUDE_HOOK_EVENTS, boolean>> {
  const settings = parse(await readTextOrNull(path), path);
  const hooks = isObject(settings.hooks) ? settings.hooks : {};
  const has = (event: string) => {
    const groups = hooks[event];
    return Array.isArray(groups) && groups.some((g) => isObject(g) && Array.isArray(g.hooks) && g.hooks.some(isOurs));
  };
  return { SessionStart: has('SessionStart'), Stop: has('Stop'), SessionEnd: has('SessionEnd') };
}
