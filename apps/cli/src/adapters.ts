import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
import { codexAdapter } from '@rimuru/adapters-codex';
import { copilotAdapter } from '@rimuru/adapters-copilot';
import { cursorAdapter } from '@rimuru/adapters-cursor';
import type { AgentAdapter, BuiltinAgentType } from '@rimuru/core';

/** The built-in adapters; plugin adapters join through the same list. */
export const BUILTIN_ADAPTERS = {
  'claude-code': claudeCodeAdapter,
  codex: codexAdapter,
  cursor: cursorAdapter,
  copilot: copilotAdapter,
} as const satisfies Record<BuiltinAgentType, AgentAdapter>;

export function builtinAdapters(): AgentAdapter[] {
  return Object.values(BUILTIN_ADAPTERS);
}
