import type { AgentAdapter, BuiltinAgentType } from '@rimuru/core';
import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';

/**
 * The built-in adapters. Agents whose adapter has not landed yet are simply absent; plugin
 * adapters join through the same list.
 */
export const BUILTIN_ADAPTERS = {
  'claude-code': claudeCodeAdapter,
} as const satisfies Partial<Record<BuiltinAgentType, AgentAdapter>>;

export function builtinAdapters(): AgentAdapter[] {
  return Object.values(BUILTIN_ADAPTERS);
}
