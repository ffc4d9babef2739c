import { isDeepStrictEqual } from 'node:util';
import { readTextOrNull, writeAtomic, type HookChange } from './file-io.js';
import { hookCommandLine } from './hook-command.js';
import { isObject, parseSettings, type Json, type JsonObject } from './settings-json.js';

/** Claude Code's hook event that runs before a prompt is sent; exit 2 refuses the prompt. */
export const GUARD_EVENT = 'UserPromptSubmit';

const OURS = /(^|\s)budget\s+guard(\s|$)/;

function isOurs(hook: Json): boolean {
  return isObject(hook) && typeof hook.command === 'string' && OURS.test(hook.command);
}

function guardCommand(): string {
  return hookCommandLine(['budget', 'guard']);
}

/** The settings without the guard; a group it leaves empty goes, and the event when none is left. */
function withoutGuard(settings: JsonObject): JsonObject {
  const copy = structuredClone(settings);
  if (!isObject(copy.hooks) || !Array.isArray(copy.hooks[GUARD_EVENT])) return copy;
  const kept: Json[] = [];
  for (const group of copy.hooks[GUARD_EVENT]) {
    if (!isObject(group) || !Array.isArray(group.hooks) || !group.hooks.some(isOurs)) kept.push(group);
    else if (group.hooks.some((h) => !isOurs(h))) kept.push({ ...group, hooks: group.hooks.filter((h) => !isOurs(h)) });
  }
  if (kept.length === 0) delete copy.hooks[GUARD_EVENT];
  else copy.hooks[GUARD_EVENT] = kept;
  if (Object.keys(copy.hooks).length === 0) delete copy.hooks;
  return copy;
}

function guardsIn(settings: JsonObject): Json[] {
  const groups = isObject(settings.hooks) ? settings.hooks[GUARD_EVENT] : undefined;
  return Array.isArray(groups)
    ? groups.flatMap((g) => (isObject(g) && Array.isArray(g.hooks) ? g.hooks.filter(isOurs) : []))
    : [];
}

/**
 * Adds the budget guard (`rimuru budget guard` on UserPromptSubmit) to Claude Code's settings,
 * keeping every other setting and hook; again changes nothing. Runs after the lifecycle hooks'
 * install, which has already kept the user's file as the backup uninstall restores.
 */
export async function installBudgetGuard(path: string): Promise<HookChange> {
  const text = await readTextOrNull(path);
  const settings = parseSettings(text, path, 'installing hooks');
  const current = guardsIn(settings);
  if (current.length === 1 && isObject(current[0]) && current[0].command === guardCommand()) return 'unchanged';
  const next = withoutGuard(settings);
  const hooks: JsonObject = isObject(next.hooks) ? next.hooks : {};
  const groups = Array.isArray(hooks[GUARD_EVENT]) ? hooks[GUARD_EVENT] : [];
  hooks[GUARD_EVENT] = [...groups, { hooks: [{ type: 'command', command: guardCommand() }] }];
  next.hooks = hooks;
  await writeAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
  return current.length === 0 ? 'installed' : 'updated';
}

/** Takes the guard out again (before the lifecycle hooks' uninstall, which may then restore the backup). */
export async function uninstallBudgetGuard(path: string): Promise<HookChange> {
  const text = await readTextOrNull(path);
  if (text === null) return 'absent';
  const settings = parseSettings(text, path, 'installing hooks');
  const next = withoutGuard(settings);
  if (isDeepStrictEqual(next, settings)) return 'unchanged';
  await writeAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
  return 'removed';
}

export async function budgetGuardInstalled(path: string): Promise<boolean> {
  return guardsIn(parseSettings(await readTextOrNull(path), path, 'installing hooks')).length > 0;
}
