import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
import { codexAdapter } from '@rimuru/adapters-codex';
import { copilotAdapter } from '@rimuru/adapters-copilot';
import { cursorAdapter } from '@rimuru/adapters-cursor';
import { isBuiltinAgentType, type AgentAdapter, type BuiltinAgentType } from '@rimuru/core';

/** The adapters every app ships, one per built-in agent type; the CLI adds plugin adapters on top. */
export const BUILTIN_ADAPTERS = {
  'claude-code': claudeCodeAdapter,
  codex: codexAdapter,
  cursor: cursorAdapter,
  copilot: copilotAdapter,
} as const satisfies Record<BuiltinAgentType, AgentAdapter>;

export function builtinAdapters(): AgentAdapter[] {
  return Object.values(BUILTIN_ADAPTERS);
}

/** The built-in adapter of `agentType`, or null for a type no built-in reads (a plugin's, or an unknown one). */
export function builtinAdapter(agentType: string): AgentAdapter | null {
  // isBuiltinAgentType, not a plain index: `toString` must not find Object.prototype's.
  return isBuiltinAgentType(agentType) ? BUILTIN_ADAPTERS[agentType] : null;
}
