import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { RimuruError, type AdapterContext } from '@rimuru/core';
import { codexNotifyStatus, installCodexNotify, uninstallCodexNotify } from './codex-notify.js';
import type { HookChange } from './file-io.js';
import { isJsonHookAgent, JSON_HOOK_AGENTS, shadowingFiles } from './json-hook-agents.js';
import { installJsonHooks, jsonHooksStatus, uninstallJsonHooks } from './json-settings-hooks.js';

export const HOOK_AGENTS = ['claude-code', 'codex', 'gemini-cli', 'qwen-code', 'droid'] as const;
export type HookAgent = (typeof HOOK_AGENTS)[number];

/** One directory named by an env var (`~` expanded, relative to home); null when unset or blank. */
function envDir(value: string | undefined, homeDir: string): string | null {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') return null;
  const expanded = trimmed === '~' ? homeDir : trimmed.startsWith('~/') ? join(homeDir, trimmed.slice(2)) : trimmed;
  return isAbsolute(expanded) ? expanded : resolve(homeDir, expanded);
}

/** The first of a comma list (Claude Code's `CLAUDE_CONFIG_DIR` may list several). */
export function firstListed(value: string | undefined, homeDir: string): string | null {
  return envDir(
    value?.split(',').find((v) => v.trim() !== ''),
    homeDir,
  );
}

/**
 * The agent's own user settings file, where the agent itself reads it (env overrides honoured):
 * Claude Code `settings.json` in `$CLAUDE_CONFIG_DIR` or `~/.claude`; Codex `config.toml` in
 * `$CODEX_HOME` or `~/.codex`; Gemini CLI `.gemini/settings.json` under `$GEMINI_CLI_HOME` or
 * the home; Qwen Code `settings.json` in `$QWEN_HOME` or `~/.qwen`; Droid
 * `~/.factory/settings.json` (Droid has no home override).
 */
export function hookSettingsPath(agent: HookAgent, ctx: AdapterContext): string {
  const { env, homeDir } = ctx;
  switch (agent) {
    case 'claude-code':
      return join(firstListed(env.CLAUDE_CONFIG_DIR, homeDir) ?? join(homeDir, '.claude'), 'settings.json');
    case 'codex':
      return join(firstListed(env.CODEX_HOME, homeDir) ?? join(homeDir, '.codex'), 'config.toml');
    case 'gemini-cli':
      return join(envDir(env.GEMINI_CLI_HOME, homeDir) ?? homeDir, '.gemini', 'settings.json');
    case 'qwen-code':
      return join(envDir(env.QWEN_HOME, homeDir) ?? join(homeDir, '.qwen'), 'settings.json');
    case 'droid':
      return join(homeDir, '.factory', 'settings.json');
  }
}

export interface InstallResult {
  change: HookChange;
  /** Why the installed hooks will not run yet (the agent's own switch is off, …). */
  warnings: string[];
}

function shadowed(agent: HookAgent, path: string): string | null {
  if (!isJsonHookAgent(agent)) return null;
  return shadowingFiles(agent, path).find((file) => existsSync(file)) ?? null;
}

export async function installHooks(agent: HookAgent, path: string): Promise<InstallResult> {
  if (!isJsonHookAgent(agent)) return { change: await installCodexNotify(path), warnings: [] };
  const shadow = shadowed(agent, path);
  if (shadow !== null) {
    throw new RimuruError('CONFIG_ERROR', `${agent} reads its hooks from ${shadow}, not from ${path}`, 1, {
      suggestions: [
        `Move the hooks of ${shadow} into the "hooks" key of ${path} (and remove it), or add \`rimuru hook <event> --agent ${agent}\` commands there yourself`,
      ],
    });
  }
  const result = await installJsonHooks(JSON_HOOK_AGENTS[agent], path);
  const warnings =
    result.disabledBy === null
      ? []
      : [`${agent} runs no hooks while ${result.disabledBy} (in ${path}): the hooks are installed but will not run`];
  return { change: result.change, warnings };
}

export function uninstallHooks(agent: HookAgent, path: string): Promise<HookChange> {
  return isJsonHookAgent(agent) ? uninstallJsonHooks(JSON_HOOK_AGENTS[agent], path) : uninstallCodexNotify(path);
}

export interface HooksStatus {
  /** Event name → installed. */
  events: Record<string, boolean>;
  /** False when the agent will not run the hooks (its own switch is off, or another file replaces this one's hooks). */
  active: boolean;
  /** Why not, when not. */
  reason: string | null;
}

export async function hooksStatus(agent: HookAgent, path: string): Promise<HooksStatus> {
  if (!isJsonHookAgent(agent)) return { events: { notify: await codexNotifyStatus(path) }, active: true, reason: null };
  const status = await jsonHooksStatus(JSON_HOOK_AGENTS[agent], path);
  const shadow = shadowed(agent, path);
  const reason =
    status.disabledBy !== null ? `${status.disabledBy}` : shadow !== null ? `hooks are read from ${shadow}` : null;
  return { events: status.events, active: reason === null, reason };
}
