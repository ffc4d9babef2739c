import { agentIcon } from '@rimuru/core';
import type { AgentSummary } from '../data/agents-data.js';
import { fit } from './session-row.js';

export interface FirstRunOptions {
  width: number;
  homeDir: string;
  /** The config file whose `roots` add folders. */
  configPath: string;
  /** The first sync has not finished yet: say so rather than "nothing found". */
  syncing: boolean;
}

/** `~/…` for paths under the home directory: the list stays short and still exact. */
export function tildePath(path: string, homeDir: string): string {
  if (homeDir !== '' && (path === homeDir || path.startsWith(`${homeDir}/`))) return `~${path.slice(homeDir.length)}`;
  return path;
}

/** Cuts the middle of a long path (`/home/u/…/tasks`), keeping both of its ends readable. */
export function shortenMiddle(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/**
 * What an empty store shows: that no agent data was found, how to point Rimuru at files kept
 * elsewhere (or at another store), and every folder each agent was looked for in.
 */
export function firstRunLines(agents: readonly AgentSummary[], o: FirstRunOptions): string[] {
  const config = tildePath(o.configPath, o.homeDir);
  const lines = o.syncing
    ? ['Looking for agent data (first sync)…', '']
    : [
        'No agent data found yet: no agent log files in the folders below.',
        '',
        'Files kept elsewhere?',
        "  · set the agent's variable: CLAUDE_CONFIG_DIR, CODEX_HOME, … (README, Agents)",
        `  · or add folders to "roots" in ${config}`,
        '  then press r to look again.',
        'Another store? Start with --db <path|postgres://…> or set DATABASE_URL.',
        '',
      ];
  lines.push('Where Rimuru looked:');
  const label = 16;
  for (const a of agents) {
    const folders = [...new Set([...a.lookedIn, ...a.roots])];
    const roots = folders.length === 0 ? ['(no folder named)'] : folders.map((r) => tildePath(r, o.homeDir));
    const room = Math.max(8, o.width - label - 2);
    roots.forEach((root, i) =>
      lines.push(`  ${fit(i === 0 ? `${agentIcon(a.type)} ${a.type}` : '', label)}${shortenMiddle(root, room)}`),
    );
  }
  return lines.map((l) => fit(l, o.width));
}
