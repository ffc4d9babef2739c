import { hostname } from 'node:os';
import type { AdapterContext } from '@rimuru/core';
import { openStore, resolveStoreTarget, type SessionStore } from '@rimuru/db';
import { createAdapterContext } from '@rimuru/sync';
import { loadConfig, type RimuruConfig } from './config.js';
import { envWithConfigRoots } from './config-roots.js';

export interface Runtime {
  config: RimuruConfig;
  ctx: AdapterContext;
  host: string;
  store: SessionStore;
}

/** Opens the store that the flags, environment and config select (design §2 precedence). */
export async function openRuntime(dbFlag: string | undefined): Promise<Runtime> {
  const base = createAdapterContext();
  const config = await loadConfig(base.env, base.homeDir);
  const ctx = createAdapterContext({ env: envWithConfigRoots(base.env, base.homeDir, config), homeDir: base.homeDir });
  const target = resolveStoreTarget({ flag: dbFlag, env: ctx.env, configDb: config.db, homeDir: ctx.homeDir });
  const store = await openStore(target);
  // RIMURU_HOST names the machine where hostname() is meaningless (containers, CI runners).
  return { config, ctx, host: ctx.env.RIMURU_HOST?.trim() || hostname(), store };
}
