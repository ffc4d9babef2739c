import { homedir } from 'node:os';
import type { Config } from '@oclif/core';
import { lookupAgents, type AgentLookup } from '@rimuru/app-runtime';
import { allAdapters } from './adapters.js';
import { knownConfigKeys } from './config-keys.js';
import { wrapText } from './render/shorten.js';
import { renderTable } from './render/table.js';
import type { Runtime } from './runtime.js';

/** `~/…` for a path under the home directory: shorter, and what the user would type. */
export function tildePath(path: string, home: string): string {
  return home !== '' && (path === home || path.startsWith(`${home}/`)) ? `~${path.slice(home.length)}` : path;
}

/** What moves an agent's data: its variables, and the config's `roots.<agent>` where it has one. */
export function overrideHint(lookup: AgentLookup, rootsTypes: readonly string[]): string {
  const ways = [
    ...lookup.variables,
    ...(rootsTypes.includes(lookup.agentType) ? [`config roots.${lookup.agentType}`] : []),
  ];
  return ways.join(', ') || '—';
}

/** Agent types the config's `roots` key takes (from the config schema). */
export function configRootTypes(): string[] {
  return knownConfigKeys()
    .filter((k) => k.startsWith('roots.'))
    .map((k) => k.slice('roots.'.length));
}

/**
 * On a machine where no agent's data was found (the store holds no session at all): every
 * agent, where it was looked for and what points Rimuru elsewhere. Null when the store has
 * sessions (then an empty listing is only a filter that matched nothing).
 */
export async function noAgentDataHelp(runtime: Runtime, config: Config, width: number): Promise<string | null> {
  if ((await runtime.store.sessions.count({})) > 0) return null;
  const home = runtime.ctx.homeDir || homedir();
  const lookups = await lookupAgents(await allAdapters(config), runtime.ctx);
  const rootsTypes = configRootTypes();
  // The places last: the longest cell, never padded.
  const rows = lookups.map((l) => [
    l.agentType,
    overrideHint(l, rootsTypes),
    l.error ??
      (l.lookedIn.map((p) => tildePath(p, home)).join(', ') || '(nowhere: no default location on this system)'),
  ]);
  const table = renderTable(['Agent', 'Point elsewhere with', 'Looked in'], rows, {
    color: false,
    width,
    fit: [{}, { shorten: 'end', min: 16, cut: 1, drop: 0 }, { shorten: 'middle', min: 24 }],
  });
  return [
    'No sessions yet: no agent data was found on this machine.',
    '',
    table,
    '',
    wrapText(
      `Set a variable above (e.g. CLAUDE_CONFIG_DIR=/path rimuru sessions), or add roots in the config: rimuru config set roots.claude-code '["/path"]'. rimuru doctor checks the setup.`,
      width,
    ),
  ].join('\n');
}
