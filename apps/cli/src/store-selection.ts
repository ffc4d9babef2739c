import { loadAppContext, storeSelectionInput, type AppContext, type RimuruConfig } from '@rimuru/app-runtime';
import type { AdapterContext } from '@rimuru/core';
import { describeStoreTarget, resolveStoreTarget, type StoreTarget } from '@rimuru/db';

export interface StoreSelection {
  target: StoreTarget;
  /** Safe to print: a PostgreSQL password is masked. */
  location: string;
  config: RimuruConfig;
  ctx: AdapterContext;
  host: string;
}

/**
 * Which store the flags, environment and config select, without opening it (maintenance
 * commands; every command that opens one starts here too). The app context is the TUI's:
 * the same config, data roots and host name.
 */
export async function selectStore(dbFlag: string | undefined, app?: AppContext): Promise<StoreSelection> {
  const { config, ctx, host } = app ?? (await loadAppContext());
  const target = resolveStoreTarget(
    storeSelectionInput({ flags: { db: dbFlag }, config, env: ctx.env, homeDir: ctx.homeDir }),
  );
  return { target, location: describeStoreTarget(target), config, ctx, host };
}
