import type { Config } from '@oclif/core';
import { builtinAdapters } from '@rimuru/app-runtime/builtin-adapters';
import type { AgentAdapter } from '@rimuru/core';
import { loadPluginAdapters } from './plugin-adapters.js';

/** An adapter and where it comes from: `builtin`, or the npm name of the plugin that adds it. */
export interface KnownAdapter {
  adapter: AgentAdapter;
  origin: string;
}

const loaded = new WeakMap<Config, Promise<KnownAdapter[]>>();

async function loadKnown(config: Config): Promise<KnownAdapter[]> {
  const builtins = builtinAdapters().map((adapter) => ({ adapter, origin: 'builtin' }));
  const plugins = await loadPluginAdapters(config, new Set(builtins.map((b) => b.adapter.id)));
  // A broken plugin must not stop the built-ins: one warning line each, on stderr.
  for (const p of plugins.problems) process.stderr.write(`warning: plugin ${p.plugin}: ${p.message}\n`);
  return [...builtins, ...plugins.adapters.map((p) => ({ adapter: p.adapter, origin: p.plugin }))];
}

/** Built-in adapters, then those of installed or linked plugins; loaded once per process. */
export function knownAdapters(config: Config): Promise<KnownAdapter[]> {
  let known = loaded.get(config);
  if (known === undefined) {
    known = loadKnown(config);
    loaded.set(config, known);
  }
  return known;
}

export async function allAdapters(config: Config): Promise<AgentAdapter[]> {
  return (await knownAdapters(config)).map((k) => k.adapter);
}
