import { isAbsolute, join, resolve } from 'node:path';
import type { AdapterContext } from '@rimuru/core';
import { claudeHooksStatus, installClaudeHooks, uninstallClaudeHooks } from './claude-settings.js';
import { codexNotifyStatus, installCodexNotify, uninstallCodexNotify } from './codex-notify.js';
import type { HookChange } from './file-io.js';

export const HOOK_AGENTS = ['claude-code', 'codex'] as const;
export type HookAgent = (typeof HOOK_AGENTS)[number];

function firstListed(value: string | undefined, homeDir: string): string | null {
  const first = value?.split(',').map((v) => v.trim()).find((v) => v !== '');
  if (first === undefined) return null;
  const expanded = first === '~' ? homeDir : first.startsWith('~/') ? join(homeDir, first.slice(2)) : first;
  return isAbsolute(expanded) ? expanded : resolve(homeDir, expanded);
}

/** The agent's own settings file: Claude Code's settings.json, Codex's config.toml (env overrides honoured). */
export function hookSettingsPath(agent: HookAgent, ctx: AdapterContext): string {
  if (agent === 'claude-code') {
    return join(firstListed(ctx.env.CLAUDE_CONFIG_DIR, ctx.homeDir) ?? join(ctx.homeDir, '.claude'), 'settings.json');
  }
  return join(firstListed(ctx.env.CODEX_HOME, ctx.homeDir) ?? join(ctx.homeDir, '.codex'), 'config.toml');
}

export function installHooks(agent: HookAgent, path: string): Promise<HookChange> {
  return agent === 'claude-code' ? installClaudeHooks(path) : installCodexNotify(path);
}

export function uninstallHooks(agent: HookAgent, path: string): Promise<HookChange> {
  return agent === 'claude-code' ? uninstallClaudeHooks(path) : uninstallCodexNotify(path);
}

/** Event name → installed. */
export async function hooksStatus(agent: HookAgent, path: string): Promise<Record<string, boolean>> {
  return agent === 'claude-code' ? claudeHooksStatus(path) : { notify: await codexNotifyStatus(path) };
}
