import { hostname } from 'node:os';
import type { AdapterContext } from '@rimuru/core';
import { createAdapterContext } from '@rimuru/sync';
import { loadConfig, type RimuruConfig } from './config.js';
import { envWithConfigRoots } from './config-roots.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What an app starts from before it opens a store: the config, the adapters' context, this machine's name. */
export interface AppContext {
  config: RimuruConfig;
  ctx: AdapterContext;
  host: string;
}

/** RIMURU_HOST names the machine where hostname() is meaningless (containers, CI runners). */
export function machineHost(env: Env): string {
  return env.RIMURU_HOST?.trim() || hostname();
}

/**
 * Loads the config and builds the adapter context from the process environment, with the
 * config's extra data roots turned into the variables the adapters read: the CLI and the TUI
 * then sync the same roots under the same host name.
 */
export async function loadAppContext(base: AdapterContext = createAdapterContext()): Promise<AppContext> {
  const config = await loadConfig(base.env, base.homeDir);
  const ctx: AdapterContext = { ...base, env: envWithConfigRoots(base.env, base.homeDir, config) };
  return { config, ctx, host: machineHost(ctx.env) };
}
