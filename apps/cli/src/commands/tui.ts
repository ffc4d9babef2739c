import { Flags } from '@oclif/core';
import { COST_MODES, type CostMode } from '@rimuru/core';
import { startTui } from 'rimuru-tui';
import { knownAdapters } from '../adapters.js';
import { BaseCommand } from '../base-command.js';

export default class Tui extends BaseCommand<typeof Tui> {
  static override summary = 'Open the terminal UI: dashboard, agents, sessions and costs, kept live';

  static override flags = {
    view: Flags.string({
      description: 'View to open on',
      options: ['dashboard', 'agents', 'sessions', 'costs'],
      default: 'dashboard',
    }),
    timezone: Flags.string({ description: 'IANA time zone for dates and ranges (default: config, then system zone)' }),
    'cost-mode': Flags.string({
      description: 'auto, calculate or recorded',
      options: [...COST_MODES],
      default: 'auto',
    }),
    'active-window': Flags.integer({
      description: 'Minutes since last activity for a session to count as active',
      min: 1,
    }),
    sync: Flags.boolean({
      description: 'Sync in the background (--no-sync to read the store as it is)',
      allowNo: true,
      default: true,
    }),
  };

  /** Runs the TUI in this process (no shell-out): same store selection as every command. */
  async run(): Promise<void> {
    if (!process.stdout.isTTY || !process.stdin.isTTY) {
      this.error('rimuru tui needs an interactive terminal (use `rimuru sessions` in scripts)', { exit: 1 });
    }
    if (!this.flags.color) process.env.NO_COLOR = '1';
    // Agents added by plugins are read, listed and charted by the TUI like the built-ins.
    const pluginAdapters = (await knownAdapters(this.config))
      .filter((k) => k.origin !== 'builtin')
      .map((k) => k.adapter);
    const code = await startTui({
      db: this.flags.db,
      view: this.flags.view as 'dashboard' | 'agents' | 'sessions' | 'costs',
      timezone: this.flags.timezone,
      costMode: this.flags['cost-mode'] as CostMode,
      activeWindowMinutes: this.flags['active-window'],
      pluginAdapters,
      ...(this.flags.sync ? {} : { syncIntervalMs: 0 }),
    });
    // The terminal is restored; exit now rather than wait on a store driver's idle handles.
    process.exit(code);
  }
}
