/** The agents Rimuru reads out of the box. Plugins may add further agent types (plain strings). */
export const BUILTIN_AGENT_TYPES = [
  'claude-code',
  'codex',
  'cursor',
  'copilot',
  'gemini-cli',
  'qwen-code',
  'opencode',
  'kilo',
  'kimi',
  'pi',
  'openclaw',
  'droid',
  'grok',
  'amp',
  'goose',
  'codebuff',
  'cline',
  'roo-code',
  'kilo-code',
  'crush',
  'antigravity',
  'hermes',
] as const;

export type BuiltinAgentType = (typeof BUILTIN_AGENT_TYPES)[number];

/** An agent type: a built-in one or a plugin's own kebab-case name. */
export type AgentType = BuiltinAgentType | (string & {});

/** Icons used in tables and the TUI, one per built-in agent type. */
const AGENT_ICONS = {
  'claude-code': '⟁',
  cursor: '◫',
  copilot: '◈',
  codex: '◎',
  'gemini-cli': '✦',
  'qwen-code': '◐',
  opencode: '⬡',
  kilo: '◭',
  kimi: '☾',
  pi: 'π',
  openclaw: '✠',
  droid: '◮',
  grok: '⊘',
  amp: '∿',
  goose: '❦',
  codebuff: '◆',
  cline: '⌬',
  'roo-code': '▥',
  'kilo-code': 'Ⓚ',
  crush: '◉',
  antigravity: '⊛',
  hermes: '☿',
} as const satisfies Record<BuiltinAgentType, string>;

/** Icon for any agent type; plugin types get a neutral dot. */
export function agentIcon(type: AgentType): string {
  return (AGENT_ICONS as Record<string, string>)[type] ?? '•';
}

export function isBuiltinAgentType(type: string): type is BuiltinAgentType {
  return (BUILTIN_AGENT_TYPES as readonly string[]).includes(type);
}

/** The default agent row name for a type, as in `cursor-default`. */
export function defaultAgentName(type: AgentType): string {
  return `${type}-default`;
}
