import { dirname, join } from 'node:path';
import type { JsonHooksAgent } from './json-settings-hooks.js';

/**
 * The agents whose hooks Rimuru installs in a Claude-Code-style JSON settings file. Each
 * entry is what that agent's own docs and source say (README of the adapter, `rimuru hooks
 * install --help`): the events it fires, and the switch with which it runs no hook at all.
 */
export const JSON_HOOK_AGENTS = {
  'claude-code': {
    agent: 'claude-code',
    events: { SessionStart: 'session-start', Stop: 'stop', SessionEnd: 'session-end' },
    disabledBy: [{ path: ['disableAllHooks'], value: true }],
  },
  // Gemini CLI: `AfterAgent` is its end of a turn (Claude's `Stop`). Hooks run by default since
  // 0.24; `hooksConfig.enabled` (0.26+), `tools.enableHooks` (0.24–0.27) and the older
  // `hooks.enabled` switch them all off.
  'gemini-cli': {
    agent: 'gemini-cli',
    events: { SessionStart: 'session-start', AfterAgent: 'stop', SessionEnd: 'session-end' },
    disabledBy: [
      { path: ['hooksConfig', 'enabled'], value: false },
      { path: ['tools', 'enableHooks'], value: false },
      { path: ['hooks', 'enabled'], value: false },
    ],
  },
  // Qwen Code: hooks run by default; `disableAllHooks: true` switches them off.
  'qwen-code': {
    agent: 'qwen-code',
    events: { SessionStart: 'session-start', Stop: 'stop', SessionEnd: 'session-end' },
    disabledBy: [{ path: ['disableAllHooks'], value: true }],
  },
  // Factory Droid: no documented global switch.
  droid: {
    agent: 'droid',
    events: { SessionStart: 'session-start', Stop: 'stop', SessionEnd: 'session-end' },
    disabledBy: [],
  },
} as const satisfies Record<string, JsonHooksAgent>;

export type JsonHookAgentType = keyof typeof JSON_HOOK_AGENTS;

export function isJsonHookAgent(agent: string): agent is JsonHookAgentType {
  return Object.hasOwn(JSON_HOOK_AGENTS, agent);
}

/**
 * Files whose presence makes the agent ignore the `hooks` of this settings file. Newer Droid
 * builds read hooks from `hooks.json` beside `settings.json` (and the legacy
 * `hooks/hooks.json`), falling back to `settings.json` only when neither exists.
 */
export function shadowingFiles(agent: JsonHookAgentType, settingsPath: string): string[] {
  if (agent !== 'droid') return [];
  const dir = dirname(settingsPath);
  return [join(dir, 'hooks.json'), join(dir, 'hooks', 'hooks.json')];
}
