import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '@oclif/core';
import { RimuruError, isBuiltinAgentType, type AgentAdapter } from '@rimuru/core';

/**
 * How a third-party adapter joins Rimuru: an oclif plugin (`rimuru plugins install|link`)
 * whose package.json says
 *
 *   "rimuru": { "adapters": "./dist/adapters.js" }
 *
 * where that module exports `adapters: AgentAdapter[]`. Nothing in Rimuru names the plugin.
 */
interface PluginAdapter {
  adapter: AgentAdapter;
  /** The npm name of the plugin that contributed it. */
  plugin: string;
}

interface PluginAdapterProblem {
  plugin: string;
  message: string;
}

export interface PluginAdapterLoad {
  adapters: PluginAdapter[];
  /** Plugins whose adapters could not be used; they are skipped, never fatal. */
  problems: PluginAdapterProblem[];
}

const AGENT_TYPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why a value is not an AgentAdapter, or null when it is one. */
function adapterProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'an adapter is not an object';
  const a = value as Record<string, unknown>;
  if (typeof a['id'] !== 'string' || !AGENT_TYPE.test(a['id']))
    return `adapter id ${JSON.stringify(a['id'])} is not a kebab-case agent type`;
  if (isBuiltinAgentType(a['id'])) return `adapter id "${a['id']}" is a built-in agent type`;
  if (typeof a['label'] !== 'string' || a['label'].trim() === '') return `adapter ${a['id']} has no label`;
  for (const method of ['detect', 'roots', 'discover', 'read'] as const) {
    if (typeof a[method] !== 'function') return `adapter ${a['id']} has no ${method}() function`;
  }
  return null;
}

/** The plugin's `rimuru.adapters` entry, or null when the plugin contributes no adapters. */
function adapterEntry(pjson: unknown): string | null | { problem: string } {
  const rimuru = (pjson as { rimuru?: unknown } | null)?.rimuru;
  if (rimuru === undefined) return null;
  const entry = typeof rimuru === 'object' && rimuru !== null && 'adapters' in rimuru ? rimuru.adapters : undefined;
  if (typeof entry !== 'string' || entry.trim() === '')
    return { problem: 'package.json "rimuru.adapters" is not a module path' };
  return entry;
}

async function loadFromPlugin(root: string, entry: string): Promise<AgentAdapter[]> {
  const path = join(root, entry);
  const inside = relative(root, path);
  // The entry must stay inside the plugin: a package.json must not load arbitrary files.
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new RimuruError('CONFIG_ERROR', `"rimuru.adapters" points outside the plugin (${entry})`);
  const module = (await import(pathToFileURL(path).href)) as { adapters?: unknown };
  if (!Array.isArray(module.adapters))
    throw new RimuruError('CONFIG_ERROR', `${entry} does not export an "adapters" array`);
  for (const adapter of module.adapters) {
    const problem = adapterProblem(adapter);
    if (problem !== null) throw new RimuruError('CONFIG_ERROR', problem);
  }
  return module.adapters as AgentAdapter[];
}

/**
 * Adapters of every installed or linked oclif plugin, in plugin name order. A plugin that
 * fails to load, or whose agent type another source already claimed, is reported and skipped.
 */
export async function loadPluginAdapters(
  config: Config,
  taken: ReadonlySet<string> = new Set(),
): Promise<PluginAdapterLoad> {
  const result: PluginAdapterLoad = { adapters: [], problems: [] };
  const claimed = new Set(taken);
  const plugins = [...config.plugins.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const plugin of plugins) {
    const entry = adapterEntry(plugin.pjson);
    if (entry === null) continue;
    if (typeof entry !== 'string') {
      result.problems.push({ plugin: plugin.name, message: entry.problem });
      continue;
    }
    try {
      for (const adapter of await loadFromPlugin(plugin.root, entry)) {
        if (claimed.has(adapter.id)) {
          result.problems.push({
            plugin: plugin.name,
            message: `agent type "${adapter.id}" is already provided; skipped`,
          });
          continue;
        }
        claimed.add(adapter.id);
        result.adapters.push({ adapter, plugin: plugin.name });
      }
    } catch (error) {
      result.problems.push({ plugin: plugin.name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
