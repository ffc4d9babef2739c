import type { AgentType } from '../agent-type.js';

/** A subscription with its published monthly fee (USD, billed monthly, one seat, before tax). */
export interface PlanPreset {
  id: string;
  label: string;
  monthlyUsd: number;
  /** The agent types the plan pays for (a preset may be named under any of them). */
  agentTypes: readonly AgentType[];
}

/**
 * Published list prices, checked 2026-12. Users on annual billing, with discounts or on a plan
 * not listed here set `monthlyUsd` (or name their own plan with it): presets only save typing.
 */
export const PLAN_PRESETS: readonly PlanPreset[] = [
  { id: 'claude-pro', label: 'Claude Pro', monthlyUsd: 20, agentTypes: ['claude-code'] },
  { id: 'claude-max-5x', label: 'Claude Max 5x', monthlyUsd: 100, agentTypes: ['claude-code'] },
  { id: 'claude-max-20x', label: 'Claude Max 20x', monthlyUsd: 200, agentTypes: ['claude-code'] },
  { id: 'chatgpt-plus', label: 'ChatGPT Plus', monthlyUsd: 20, agentTypes: ['codex'] },
  { id: 'chatgpt-pro', label: 'ChatGPT Pro', monthlyUsd: 200, agentTypes: ['codex'] },
  { id: 'chatgpt-business', label: 'ChatGPT Business', monthlyUsd: 30, agentTypes: ['codex'] },
  { id: 'copilot-pro', label: 'Copilot Pro', monthlyUsd: 10, agentTypes: ['copilot'] },
  { id: 'copilot-pro-plus', label: 'Copilot Pro+', monthlyUsd: 39, agentTypes: ['copilot'] },
  { id: 'copilot-business', label: 'Copilot Business', monthlyUsd: 19, agentTypes: ['copilot'] },
  { id: 'copilot-enterprise', label: 'Copilot Enterprise', monthlyUsd: 39, agentTypes: ['copilot'] },
  { id: 'cursor-pro', label: 'Cursor Pro', monthlyUsd: 20, agentTypes: ['cursor'] },
  { id: 'cursor-pro-plus', label: 'Cursor Pro+', monthlyUsd: 60, agentTypes: ['cursor'] },
  { id: 'cursor-ultra', label: 'Cursor Ultra', monthlyUsd: 200, agentTypes: ['cursor'] },
  { id: 'cursor-teams', label: 'Cursor Teams', monthlyUsd: 40, agentTypes: ['cursor'] },
  { id: 'google-ai-pro', label: 'Google AI Pro', monthlyUsd: 19.99, agentTypes: ['gemini-cli'] },
  { id: 'google-ai-ultra', label: 'Google AI Ultra', monthlyUsd: 249.99, agentTypes: ['gemini-cli'] },
];

export function planPreset(id: string): PlanPreset | undefined {
  return PLAN_PRESETS.find((p) => p.id === id);
}
