import { isBuiltinAgentType, type AdapterContext, type AgentAdapter, type CostMode } from '@rimuru/core';
import { builtinAdapters } from '@rimuru/app-runtime/builtin-adapters';
import { openStore, resolveStoreTarget, type SessionStore } from '@rimuru/db';
import { loadAppContext, resolveAppSettings, type RimuruConfig } from '@rimuru/app-runtime';

export interface TuiOptions {
  /** `--db`: a SQLite path or a postgres:// URL. */
  db?: string;
  timezone?: string;
  costMode?: CostMode;
  activeWindowMinutes?: number;
  /** Background sync interval; 0 turns live sync off. */
  syncIntervalMs?: number;
  /** Adapters beyond the built-ins (plugins the caller loaded, as `rimuru tui` can): synced and listed alike. */
  pluginAdapters?: readonly AgentAdapter[];
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
  /** The built-in adapters, then the plugin adapters: what live sync reads and the Agents view lists. */
  adapters: AgentAdapter[];
}

const DEFAULT_SYNC_INTERVAL_MS = 3_000;

/** Opens the store the CLI would open (flag > DATABASE_URL > config > embedded default). */
export async function openTuiRuntime(options: TuiOptions): Promise<TuiRuntime> {
  // The same config, extra data roots and host name as the CLI: both apps sync into one store.
  const { config, ctx, host } = await loadAppContext();
  const settings = resolveAppSettings({
    flags: {
      db: options.db,
      timezone: options.timezone,
      costMode: options.costMode,
      activeWindowMinutes: options.activeWindowMinutes,
    },
    config,
    env: ctx.env,
    homeDir: ctx.homeDir,
    now: ctx.now(),
  });
  const store = await openStore(resolveStoreTarget(settings.store));
  return {
    config,
    store,
    ctx,
    host,
    zone: settings.zone,
    costMode: settings.costMode,
    activeWindowMs: settings.activeWindowMs,
    syncIntervalMs: options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
    // A plugin may not take a built-in's type: the built-in reads it.
    adapters: [...builtinAdapters(), ...(options.pluginAdapters ?? []).filter((a) => !isBuiltinAgentType(a.id))],
  };
}
