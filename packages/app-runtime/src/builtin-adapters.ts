import { ampAdapter } from '@rimuru/adapters-amp';
import { antigravityAdapter } from '@rimuru/adapters-antigravity';
import { claudeCodeAdapter } from '@rimuru/adapters-claude-code';
import { clineAdapter } from '@rimuru/adapters-cline';
import { codebuffAdapter } from '@rimuru/adapters-codebuff';
import { codexAdapter } from '@rimuru/adapters-codex';
import { copilotAdapter } from '@rimuru/adapters-copilot';
import { crushAdapter } from '@rimuru/adapters-crush';
import { cursorAdapter } from '@rimuru/adapters-cursor';
import { droidAdapter } from '@rimuru/adapters-droid';
import { geminiCliAdapter } from '@rimuru/adapters-gemini-cli';
import { gooseAdapter } from '@rimuru/adapters-goose';
import { grokAdapter } from '@rimuru/adapters-grok';
import { hermesAdapter } from '@rimuru/adapters-hermes';
import { kiloAdapter } from '@rimuru/adapters-kilo';
import { kiloCodeAdapter } from '@rimuru/adapters-kilo-code';
import { kimiAdapter } from '@rimuru/adapters-kimi';
import { openclawAdapter } from '@rimuru/adapters-openclaw';
import { opencodeAdapter } from '@rimuru/adapters-opencode';
import { piAdapter } from '@rimuru/adapters-pi';
import { qwenCodeAdapter } from '@rimuru/adapters-qwen-code';
import { rooCodeAdapter } from '@rimuru/adapters-roo-code';
import { isBuiltinAgentType, type AgentAdapter, type BuiltinAgentType } from '@rimuru/core';

/** The adapters every app ships, one per built-in agent type; the CLI adds plugin adapters on top. */
export const BUILTIN_ADAPTERS = {
  'claude-code': claudeCodeAdapter,
  codex: codexAdapter,
  cursor: cursorAdapter,
  copilot: copilotAdapter,
  'gemini-cli': geminiCliAdapter,
  'qwen-code': qwenCodeAdapter,
  opencode: opencodeAdapter,
  kilo: kiloAdapter,
  kimi: kimiAdapter,
  pi: piAdapter,
  openclaw: openclawAdapter,
  droid: droidAdapter,
  grok: grokAdapter,
  amp: ampAdapter,
  goose: gooseAdapter,
  codebuff: codebuffAdapter,
  cline: clineAdapter,
  'roo-code': rooCodeAdapter,
  'kilo-code': kiloCodeAdapter,
  crush: crushAdapter,
  antigravity: antigravityAdapter,
  hermes: hermesAdapter,
} as const satisfies Record<BuiltinAgentType, AgentAdapter>;

export function builtinAdapters(): AgentAdapter[] {
  return Object.values(BUILTIN_ADAPTERS);
}

/** The built-in adapter of `agentType`, or null for a type no built-in reads (a plugin's, or an unknown one). */
export function builtinAdapter(agentType: string): AgentAdapter | null {
  // isBuiltinAgentType, not a plain index: `toString` must not find Object.prototype's.
  return isBuiltinAgentType(agentType) ? BUILTIN_ADAPTERS[agentType] : null;
}
