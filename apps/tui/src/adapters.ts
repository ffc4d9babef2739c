import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
import { codexAdapter } from '@rimuru/adapters-codex';
import { copilotAdapter } from '@rimuru/adapters-copilot';
import { cursorAdapter } from '@rimuru/adapters-cursor';
import type { AgentAdapter, BuiltinAgentType } from '@rimuru/core';

/** The built-in adapters, as the CLI registers them (apps cannot import each other). */
const BUILTIN_ADAPTERS = {
  'claude-code': claudeCodeAdapter,
  codex: codexAdapter,
  cursor: cursorAdapter,
  copilot: copilotAdapter,
} as const satisfies Record<BuiltinAgentType, AgentAdapter>;

export function builtinAdapters(): AgentAdapter[] {
  return Object.values(BUILTIN_ADAPTERS);
}
