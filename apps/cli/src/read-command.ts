import { Flags, type Command } from '@oclif/core';
import {
  assertTimeZone,
  COST_MODES,
  DEFAULT_ACTIVE_WINDOW_MINUTES,
  systemTimeZone,
  type CostMode,
} from '@rimuru/core';
import { BaseCommand } from './base-command.js';
import { formatDriftLines, syncSummaryLine } from './render/sync-summary-line.js';
import { openRuntime, type Runtime } from './runtime.js';

export interface ReadSettings {
  zone: string;
  costMode: CostMode;
  activeWindowMs: number;
  now: Date;
  json: boolean;
}

/** Commands that read the store: shared flags, and an incremental sync before reading. */
export abstract class ReadCommand<T extends typeof Command> extends BaseCommand<T> {
  static override baseFlags = {
    ...BaseCommand.baseFlags,
    format: Flags.string({ description: 'Output format', options: ['table', 'json'], default: 'table', helpGroup: 'GLOBAL' }),
    timezone: Flags.string({ description: 'IANA time zone for dates and ranges (default: system zone)', helpGroup: 'GLOBAL' }),
    'cost-mode': Flags.string({
      description: 'auto: recorded cost where the agent wrote one, else calculated; calculate; recorded',
      options: [...COST_MODES],
      default: 'auto',
      helpGroup: 'GLOBAL',
    }),
    sync: Flags.boolean({ description: 'Sync new agent data before reading (--no-sync to skip)', allowNo: true, default: true, helpGroup: 'GLOBAL' }),
    'active-window': Flags.integer({ description: 'Minutes since last activity for a session to count as active', min: 1, helpGroup: 'GLOBAL' }),
  };

  private runtime: Runtime | null = null;

  /** Opens the store and, unless told not to, syncs it first. */
  protected async prepare(): Promise<{ runtime: Runtime; settings: ReadSettings }> {
    const flags = this.flags as Record<string, unknown>;
    this.runtime = await openRuntime(flags.db as string | undefined);
    const runtime = this.runtime;
    const zone = assertTimeZone((flags.timezone as string | undefined) ?? runtime.config.timezone ?? systemTimeZone());
    const windowMinutes =
      (flags['active-window'] as number | undefined) ?? runtime.config.activeWindowMinutes ?? DEFAULT_ACTIVE_WINDOW_MINUTES;
    // Always check for new data: an unchanged source costs one stat, and skipping on a recent
    // sync would hide lines an agent wrote a moment ago.
    if (flags.sync !== false) {
      // Imported on use: the adapters and the progress bar are not needed with --no-sync.
      const { runSync } = await import('./sync-runner.js');
      const summary = await runSync(runtime, { progress: true, config: this.config });
      if (flags.verbose) process.stderr.write(`${syncSummaryLine(summary)}\n`);
      else if (summary.diagnostics > 0 || summary.adapterErrors.length > 0) {
        process.stderr.write(`warning: ${syncSummaryLine(summary)}\n`);
      }
      for (const line of formatDriftLines(summary)) process.stderr.write(`${line}\n`);
    }
    return {
      runtime,
      settings: {
        zone,
        costMode: flags['cost-mode'] as CostMode,
        activeWindowMs: windowMinutes * 60_000,
        now: runtime.ctx.now(),
        json: flags.format === 'json',
      },
    };
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.runtime?.store.close();
    await super.finally(error);
  }
}
