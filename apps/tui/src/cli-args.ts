import { parseArgs } from 'node:util';
import { COST_MODES, type CostMode } from '@rimuru/core';
import type { StartTuiOptions } from './start-tui.js';

export const USAGE = `Usage: rimuru-tui [options]

  --db <path|postgres://…>   store to use (default: DATABASE_URL, config, then the embedded store)
  --view <name>              open on dashboard (default), agents, sessions or costs
  --timezone <IANA zone>     zone for dates and calendar ranges (default: config, then system)
  --cost-mode <mode>         auto (default), calculate or recorded
  --active-window <minutes>  how recent the last activity of an active session is (default 5)
  --sync-interval <seconds>  background sync interval (default 3)
  --no-sync                  never sync; read the store as it is
  -h, --help                 this help

Keys: 1-4 switch views, ? lists every key, q quits.`;

const VIEWS = ['dashboard', 'agents', 'sessions', 'costs'] as const;

export type ParsedArgs = { help: true } | { help: false; options: StartTuiOptions } | { error: string };

function positive(text: string | undefined, name: string): number | undefined | { error: string } {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? n : { error: `--${name} must be a positive number, got "${text}"` };
}

/** argv (without node and script) → TUI options, or a usage error (exit 2). */
export function parseTuiArgs(argv: readonly string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string' },
        view: { type: 'string' },
        timezone: { type: 'string' },
        'cost-mode': { type: 'string' },
        'active-window': { type: 'string' },
        'sync-interval': { type: 'string' },
        'no-sync': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return { help: true };
  const options: StartTuiOptions = {};
  if (values.db !== undefined) options.db = values.db;
  if (values.timezone !== undefined) options.timezone = values.timezone;
  if (values.view !== undefined) {
    if (!(VIEWS as readonly string[]).includes(values.view))
      return { error: `--view must be one of ${VIEWS.join(', ')}` };
    options.view = values.view as StartTuiOptions['view'];
  }
  if (values['cost-mode'] !== undefined) {
    if (!(COST_MODES as readonly string[]).includes(values['cost-mode']))
      return { error: `--cost-mode must be one of ${COST_MODES.join(', ')}` };
    options.costMode = values['cost-mode'] as CostMode;
  }
  const window = positive(values['active-window'], 'active-window');
  if (typeof window === 'object') return window;
  if (window !== undefined) options.activeWindowMinutes = window;
  const interval = positive(values['sync-interval'], 'sync-interval');
  if (typeof interval === 'object') return interval;
  if (interval !== undefined) options.syncIntervalMs = interval * 1000;
  if (values['no-sync']) options.syncIntervalMs = 0;
  return { help: false, options };
}
