import type { Config } from '@oclif/core';
import { bundledPriceTable, priceOverridesFromConfig, type AgentAdapter } from '@rimuru/core';
import type { SyncOptions } from '@rimuru/sync';
import { allAdapters, builtinAdapters } from './adapters.js';
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
  };
}
