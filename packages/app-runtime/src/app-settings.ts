import {
  assertTimeZone,
  COST_MODES,
  DEFAULT_ACTIVE_WINDOW_MINUTES,
  systemTimeZone,
  UsageError,
  type CostMode,
} from '@rimuru/core';
import type { RimuruConfig } from './config.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the user typed: `--db`, `--timezone`, `--cost-mode`, `--active-window` (undefined: not given). */
interface AppSettingsFlags {
  db?: string;
  timezone?: string;
  costMode?: string;
  activeWindowMinutes?: number;
}

/**
 * Which store to open, as @rimuru/db's `resolveStoreTarget` takes it: that function owns the
 * precedence `--db` > `DATABASE_URL` > config `db` > the embedded default.
 */
export interface StoreSelectionInput {
  flag?: string;
  env: Env;
  configDb?: string;
  homeDir: string;
}

export interface AppSettings {
  store: StoreSelectionInput;
  zone: string;
  costMode: CostMode;
  activeWindowMs: number;
  now: Date;
}

export interface AppSettingsInput {
  flags: AppSettingsFlags;
  config: Pick<RimuruConfig, 'db' | 'timezone' | 'activeWindowMinutes'>;
  env: Env;
  homeDir: string;
  now: Date;
  /**
   * Checks a zone the user typed; `where` names where it was typed (`--timezone`, `the config's
   * timezone`). The CLI passes one that suggests the closest zones; by default a bad zone is
   * core's plain INVALID_TIMEZONE error.
   */
  checkTimeZone?: (zone: string, where: string) => string;
}

/** The store selection alone, for commands that open a store but show no dates or costs. */
export function storeSelectionInput(
  input: Pick<AppSettingsInput, 'flags' | 'config' | 'env' | 'homeDir'>,
): StoreSelectionInput {
  return { flag: input.flags.db, env: input.env, configDb: input.config.db, homeDir: input.homeDir };
}

/**
 * The one resolution of the settings every view depends on, shared by the CLI and the TUI:
 * - store: `--db` > `DATABASE_URL` > config `db` > `$XDG_DATA_HOME/rimuru/rimuru.db`;
 * - zone: `--timezone` > config `timezone` > the system zone (`TZ` in the environment);
 * - cost mode: `--cost-mode` > `auto`;
 * - active window: `--active-window` > config `activeWindowMinutes` > 5 minutes.
 */
export function resolveAppSettings(input: AppSettingsInput): AppSettings {
  const check = input.checkTimeZone ?? ((zone: string) => assertTimeZone(zone));
  const { flags, config } = input;
  const zone =
    flags.timezone !== undefined
      ? check(flags.timezone, '--timezone')
      : config.timezone !== undefined
        ? check(config.timezone, "the config's timezone")
        : systemTimeZone();
  const minutes = flags.activeWindowMinutes ?? config.activeWindowMinutes ?? DEFAULT_ACTIVE_WINDOW_MINUTES;
  return {
    store: storeSelectionInput(input),
    zone,
    costMode: costMode(flags.costMode),
    activeWindowMs: minutes * 60_000,
    now: input.now,
  };
}

function costMode(value: string | undefined): CostMode {
  if (value === undefined) return 'auto';
  if ((COST_MODES as readonly string[]).includes(value)) return value as CostMode;
  throw new UsageError(`Unknown cost mode "${value}" in --cost-mode: expected ${COST_MODES.join(', ')}`);
}
