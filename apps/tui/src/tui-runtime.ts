import { assertTimeZone, DEFAULT_ACTIVE_WINDOW_MINUTES, systemTimeZone, type AdapterContext, type CostMode } from '@rimuru/core';
import { openStore, resolveStoreTarget, type SessionStore } from '@rimuru/db';
import { loadAppContext, type RimuruConfig } from '@rimuru/app-runtime';

export interface TuiOptions {
  /** `--db`: a SQLite path or a postgres:// URL. */
  db?: string;
  timezone?: string;
  costMode?: CostMode;
  activeWindowMinutes?: number;
  /** Background sync interval; 0 turns live sync off. */
  syncIntervalMs?: number;
}

export interface TuiRuntime {
  /** The config file the CLI reads too (its price overrides apply to the background sync). */
  config: RimuruConfig;
  store: SessionStore;
  ctx: AdapterContext;
  host: string;
  zone: string;
  costMode: CostMode;
  activeWindowMs: number;
  syncIntervalMs: number;
}

export const DEFAULT_SYNC_INTERVAL_MS = 3_000;

/** Opens the store the CLI would open (flag > DATABASE_URL > config > embedded default). */
export async function openTuiRuntime(options: TuiOptions): Promise<TuiRuntime> {
  // The same config, extra data roots and host name as the CLI: both apps sync into one store.
  const { config, ctx, host } = await loadAppContext();
  const zone = assertTimeZone(options.timezone ?? config.timezone ?? systemTimeZone());
  const target = resolveStoreTarget({ flag: options.db, env: ctx.env, configDb: config.db, homeDir: ctx.homeDir });
  const store = await openStore(target);
  const minutes = options.activeWindowMinutes ?? config.activeWindowMinutes ?? DEFAULT_ACTIVE_WINDOW_MINUTES;
  return {
    config,
    store,
    ctx,
    host,
    zone,
    costMode: options.costMode ?? 'auto',
    activeWindowMs: minutes * 60_000,
    syncIntervalMs: options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
  };
}
