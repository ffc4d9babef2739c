import type { AdapterContext } from '@rimuru/core';
import { describeStoreTarget, resolveStoreTarget, type StoreTarget } from '@rimuru/db';
import { createAdapterContext } from '@rimuru/sync';
import { loadConfig, type RimuruConfig } from './config.js';

export interface StoreSelection {
  target: StoreTarget;
  /** Safe to print: a PostgreSQL password is masked. */
  location: string;
  config: RimuruConfig;
  ctx: AdapterContext;
}

/** Which store the flags, environment and config select, without opening it (maintenance commands). */
export async function selectStore(dbFlag: string | undefined): Promise<StoreSelection> {
  const ctx = createAdapterContext();
  const config = await loadConfig(ctx.env, ctx.homeDir);
  const target = resolveStoreTarget({ flag: dbFlag, env: ctx.env, configDb: config.db, homeDir: ctx.homeDir });
  return { target, location: describeStoreTarget(target), config, ctx };
}
