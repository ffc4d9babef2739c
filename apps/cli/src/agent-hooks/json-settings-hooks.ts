import { isDeepStrictEqual } from 'node:util';
import { backupPathOf, readTextOrNull, removeIfExists, writeAtomic, type HookChange } from './file-io.js';
import { hookCommandLine } from './hook-command.js';
import { isObject, parseSettings, settingsText, type Json, type JsonObject } from './settings-json.js';

/** The `rimuru hook <event>` events an agent hook can call. */
type RimuruHookEvent = 'session-start' | 'stop' | 'session-end';

/**
 * An agent that takes Claude-Code-style command hooks in a JSON settings file:
 * `{"hooks": {"<Event>": [{"matcher"?: …, "hooks": [{"type": "command", "command": …}]}]}}`.
 */
export interface JsonHooksAgent {
  /** The `--agent` value Rimuru's hook commands carry (the adapter's type). */
  agent: string;
  /** The agent's own event name → the `rimuru hook` event it calls. */
  events: Readonly<Record<string, RimuruHookEvent>>;
  /**
   * Settings with which the agent runs no hook at all (its own global switch). Rimuru never
   * flips the user's switch; install and status say that the hooks will not run.
   */
  disabledBy: readonly { path: readonly string[]; value: Json }[];
}

export interface JsonHooksStatus {
  /** Agent event name → one of Rimuru's entries is there. */
  events: Record<string, boolean>;
  /** The setting that switches every hook of the agent off, when set; null when hooks run. */
  disabledBy: string | null;
}

/** Recognises Rimuru's own entries for this agent whatever path rimuru was installed under. */
function oursTest(agent: string): (hook: Json) => boolean {
  const escaped = agent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|\\s)hook\\s+(session-start|stop|session-end)\\s+--agent\\s+${escaped}(\\s|$)`);
  return (hook) => isObject(hook) && typeof hook.command === 'string' && pattern.test(hook.command);
}

function commandFor(agent: string, rimuruEvent: RimuruHookEvent): string {
  return hookCommandLine(['hook', rimuruEvent, '--agent', agent]);
}

/** Every group of every event with Rimuru's entries taken out; groups and events left empty go too. */
function withoutOurs(target: JsonHooksAgent, settings: JsonObject): JsonObject {
  const isOurs = oursTest(target.agent);
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
  // Gemini CLI once kept switches (`hooks.enabled`, `hooks.disabled`) beside the events: an
  // object holding only those is the user's, not ours to drop.
  if (Object.keys(hooks).length === 0) delete copy.hooks;
  return copy;
}

function withOurs(target: JsonHooksAgent, settings: JsonObject): JsonObject {
  const copy = withoutOurs(target, settings);
  const hooks: JsonObject = isObject(copy.hooks) ? copy.hooks : {};
  for (const [event, rimuruEvent] of Object.entries(target.events)) {
    const groups = Array.isArray(hooks[event]) ? hooks[event] : [];
    // No matcher: every start source and end reason (lifecycle matchers filter on those).
    hooks[event] = [...groups, { hooks: [{ type: 'command', command: commandFor(target.agent, rimuruEvent) }] }];
  }
  copy.hooks = hooks;
  return copy;
}

function oursIn(target: JsonHooksAgent, settings: JsonObject, event: string): Json[] {
  const isOurs = oursTest(target.agent);
  const groups = isObject(settings.hooks) ? settings.hooks[event] : undefined;
  return Array.isArray(groups)
    ? groups.flatMap((g) => (isObject(g) && Array.isArray(g.hooks) ? g.hooks.filter(isOurs) : []))
    : [];
}

/** Every event already calls exactly this rimuru (wherever the user moved our groups). */
function allCurrent(target: JsonHooksAgent, settings: JsonObject): boolean {
  return Object.entries(target.events).every(([event, rimuruEvent]) => {
    const ours = oursIn(target, settings, event);
    return ours.length === 1 && isObject(ours[0]) && ours[0].command === commandFor(target.agent, rimuruEvent);
  });
}

function valueAt(settings: JsonObject, path: readonly string[]): Json | undefined {
  let node: Json | undefined = settings;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

function disabledBy(target: JsonHooksAgent, settings: JsonObject): string | null {
  const hit = target.disabledBy.find((d) => isDeepStrictEqual(valueAt(settings, d.path), d.value));
  return hit === undefined ? null : `${hit.path.join('.')} = ${JSON.stringify(hit.value)}`;
}

/**
 * Adds Rimuru's lifecycle hooks to the agent's settings file, keeping every other setting and
 * hook. The file is backed up before the first change; running it again changes nothing.
 */
export async function installJsonHooks(
  target: JsonHooksAgent,
  path: string,
): Promise<{ change: HookChange; disabledBy: string | null }> {
  const text = await readTextOrNull(path);
  const settings = parseSettings(text, path, 'installing hooks');
  const off = disabledBy(target, settings);
  if (allCurrent(target, settings)) return { change: 'unchanged', disabledBy: off };
  const next = withOurs(target, settings);
  const hadOurs = !isDeepStrictEqual(withoutOurs(target, settings), settings);
  // Back up what the user had, not a file that already carries our hooks.
  if (text !== null && !hadOurs) await writeAtomic(backupPathOf(path), text);
  if (text === null) await removeIfExists(backupPathOf(path));
  await writeAtomic(path, settingsText(next));
  return { change: hadOurs ? 'updated' : 'installed', disabledBy: off };
}

/**
 * Takes Rimuru's hooks out again. When what remains equals the backup, the backup's exact
 * bytes are restored (formatting included); a file install created is removed.
 */
export async function uninstallJsonHooks(target: JsonHooksAgent, path: string): Promise<HookChange> {
  const text = await readTextOrNull(path);
  if (text === null) return 'absent';
  const settings = parseSettings(text, path, 'installing hooks');
  const next = withoutOurs(target, settings);
  if (isDeepStrictEqual(next, settings)) return 'unchanged';
  const backup = await readTextOrNull(backupPathOf(path));
  if (backup !== null && isDeepStrictEqual(parseSettings(backup, path, 'installing hooks'), next)) {
    await writeAtomic(path, backup);
    await removeIfExists(backupPathOf(path));
    return 'restored';
  }
  if (backup === null && Object.keys(next).length === 0) {
    await removeIfExists(path);
    return 'restored';
  }
  await writeAtomic(path, settingsText(next));
  return 'removed';
}

/** Which of Rimuru's events are installed in the file, and whether the agent's hooks are switched off. */
export async function jsonHooksStatus(target: JsonHooksAgent, path: string): Promise<JsonHooksStatus> {
  const settings = parseSettings(await readTextOrNull(path), path, 'installing hooks');
  const events = Object.fromEntries(
    Object.keys(target.events).map((event) => [event, oursIn(target, settings, event).length > 0]),
  );
  return { events, disabledBy: disabledBy(target, settings) };
}
