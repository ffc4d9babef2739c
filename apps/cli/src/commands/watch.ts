import { Flags } from '@oclif/core';
import { DEFAULT_ACTIVE_WINDOW_MINUTES, systemTimeZone, type StoredSession } from '@rimuru/core';
import { syncAll } from '@rimuru/sync';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_RESCAN_MS, startWatcher, type Watcher } from '@rimuru/sync/watch';
import { BaseCommand } from '../base-command.js';
import { renderError } from '../error-line.js';
import { syncSummaryLine } from '../render/sync-summary-line.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { syncOptionsOf } from '../sync-options.js';
import { BudgetAlertsLoop } from '../budget/budget-alerts-loop.js';
import { desktopNotifier } from '../budget/desktop-notify.js';

function label(s: StoredSession): string {
  return `${s.agentType} ${s.externalId}${s.projectPath === null ? '' : ` (${s.projectPath})`}`;
}

export default class Watch extends BaseCommand<typeof Watch> {
  static override summary = 'Keep the store current: follow every agent data root and ingest new data within a second';
  static override description =
    'Runs until Ctrl-C (SIGINT) or SIGTERM. File-system events trigger a sync of the agent that wrote; a periodic ' +
    'rescan is the fallback for folders that send no events. Other rimuru commands, the TUI and other watchers can ' +
    'use the same store meanwhile. Prints sessions turning active or completed on stderr, and budgets passing 80 % ' +
    'and 100 % of their amount (once per crossing; with --notify also as a desktop notification).';
  static override examples = [
    '<%= config.bin %> watch',
    '<%= config.bin %> watch --poll',
    '<%= config.bin %> watch --once',
  ];
  static override flags = {
    once: Flags.boolean({ description: 'Sync once and exit (for scripts and cron)', default: false }),
    poll: Flags.boolean({ description: 'Poll files instead of OS events (network or synced folders)', default: false }),
    debounce: Flags.integer({
      description: 'Milliseconds of quiet after a file event before syncing',
      min: 0,
      default: DEFAULT_DEBOUNCE_MS,
    }),
    rescan: Flags.integer({
      description: 'Milliseconds between full rescans (the polling fallback)',
      min: 100,
      default: DEFAULT_RESCAN_MS,
    }),
    'active-window': Flags.integer({
      description: 'Minutes since last activity for a session to count as active',
      min: 1,
    }),
    notify: Flags.boolean({
      description: 'Also show budget alerts as desktop notifications (notify-send on Linux, osascript on macOS)',
      default: false,
    }),
  };

  private runtime: Runtime | null = null;
  private watcher: Watcher | null = null;
  private budgetAlerts: BudgetAlertsLoop | null = null;

  async run(): Promise<void> {
    this.runtime = await openRuntime(this.flags.db);
    const runtime = this.runtime;
    const options = await syncOptionsOf(runtime, this.config);
    const notify = this.flags.notify ? desktopNotifier() : null;
    if (this.flags.notify && notify === null)
      process.stderr.write(
        'warning: no desktop notifier on PATH (notify-send, osascript): budget alerts are printed only\n',
      );
    this.budgetAlerts = new BudgetAlertsLoop(runtime, {
      zone: runtime.config.timezone ?? systemTimeZone(),
      notify,
      write: (line) => process.stderr.write(`${line}\n`),
      warn: (error) => process.stderr.write(`warning: budgets: ${renderError(error).line}\n`),
    });
    if (this.flags.once) {
      process.stderr.write(`${syncSummaryLine(await syncAll(options))}\n`);
      this.budgetAlerts.check();
      await this.budgetAlerts.settled();
      return;
    }
    const windowMinutes =
      this.flags['active-window'] ?? runtime.config.activeWindowMinutes ?? DEFAULT_ACTIVE_WINDOW_MINUTES;
    const stopped = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    this.watcher = await startWatcher({
      ...options,
      debounceMs: this.flags.debounce,
      rescanMs: this.flags.rescan,
      usePolling: this.flags.poll,
      activeWindowMs: windowMinutes * 60_000,
      onSync: (summary, trigger) => {
        if (summary.sourcesRead > 0 || summary.adapterErrors.length > 0 || this.flags.verbose) {
          process.stderr.write(`[${new Date().toISOString()}] ${trigger}: ${syncSummaryLine(summary)}\n`);
        }
        this.budgetAlerts?.afterSync(trigger === 'start' || summary.sourcesRead > 0);
      },
      onStatus: ({ session, status }) =>
        process.stderr.write(`[${new Date().toISOString()}] ${status}: ${label(session)}\n`),
      // A failed sync is reported and retried on the next event or rescan: the watcher keeps running.
      onError: (error) => process.stderr.write(`warning: ${renderError(error).line}\n`),
    });
    process.stderr.write(
      `Watching ${this.watcher.roots.length} data roots (store ${runtime.store.location}); Ctrl-C to stop\n`,
    );
    for (const root of this.watcher.roots) process.stderr.write(`  ${root}\n`);
    const signal = await stopped;
    process.stderr.write(`${signal}: stopping after the current sync\n`);
    await this.watcher.close();
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.watcher?.close();
    await this.budgetAlerts?.settled();
    await this.runtime?.store.close();
    await super.finally(error);
  }
}
