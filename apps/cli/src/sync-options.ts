import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '@oclif/core';
import { bundledPriceTable, priceOverridesFromConfig, type AgentAdapter } from '@rimuru/core';
import type { ReadWorkerOptions, SyncOptions } from '@rimuru/sync';
import { builtinAdapters } from '@rimuru/app-runtime/builtin-adapters';
import { allAdapters } from './adapters.js';
import type { Runtime } from './runtime.js';

/**
 * The adapters a command works with: the built-ins plus those of installed plugins, given the
 * command's oclif `config` (`this.config`); the built-ins alone without one (no plugins are known).
 */
export async function adaptersOf(config: Config | undefined): Promise<AgentAdapter[]> {
  return config === undefined ? builtinAdapters() : allAdapters(config);
}

/** The adapter of one agent type (built-in or plugin), or null when none reads it. */
export async function adapterFor(config: Config | undefined, agentType: string): Promise<AgentAdapter | null> {
  return (await adaptersOf(config)).find((adapter) => adapter.id === agentType) ?? null;
}

/**
 * Where a large sync's read workers start: `dist/read-worker.js` under the CLI's root, the bundle
 * of `@rimuru/app-runtime/read-worker` (scripts/bundle.mjs). Found from oclif's root, not beside
 * this module: bundled, this code runs from a chunk or a command's file. Without `config` (no
 * root known), or when the file is missing, the sync reads in its own thread.
 */
export function readWorkersOf(config: Config | undefined): ReadWorkerOptions | false {
  return config === undefined ? false : { entry: pathToFileURL(join(config.root, 'dist', 'read-worker.js')) };
}

/**
 * What every sync of this runtime needs: `rimuru sync`, the auto-sync of read commands, the
 * watcher and the hooks all read the same adapters with the same prices.
 */
export async function syncOptionsOf(runtime: Runtime, config: Config | undefined): Promise<SyncOptions> {
  return {
    store: runtime.store,
    adapters: await adaptersOf(config),
    ctx: runtime.ctx,
    host: runtime.host,
    prices: bundledPriceTable(),
    priceOverrides: priceOverridesFromConfig(runtime.config.prices),
    readWorkers: readWorkersOf(config),
  };
}
