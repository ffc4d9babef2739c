import { hostname } from 'node:os';
import type { AdapterContext } from '@rimuru/core';
import { openStore, resolveStoreTarget, type SessionStore } from '@rimuru/db';
import { createAdapterContext } from '@rimuru/sync';
import { loadConfig, type RimuruConfig } from './config.js';

export interface Runtime {
  config: RimuruConfig;
  ctx: AdapterContext;
  host: string;
  store: SessionStore;
}

/** Opens the store that the flags, environment and config select (design §2 precedence). */
export async function openRuntime(dbFlag: string | undefined): Promise<Runtime> {
  const ctx = createAdapterContext();
  const config = await loadConfig(ctx.env, ctx.homeDir);
  const target = resolveStoreTarget({ flag: dbFlag, env: ctx.env, configDb: config.db, homeDir: ctx.homeDir });
  const store = await openStore(target);
  return { config, ctx, host: hostname(), store };
}
