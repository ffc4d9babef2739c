import { Flags, type Command } from '@oclif/core';
import { resolveAppSettings } from '@rimuru/app-runtime';
import { COST_MODES, isBuiltinAgentType, type CostMode } from '@rimuru/core';
import { BaseCommand } from './base-command.js';
import { jsonFlag, wideFlag } from './flags.js';
import { formatDriftLines, syncSummaryLine } from './render/sync-summary-line.js';
import { openRuntime, type Runtime } from './runtime.js';
import { checkTimeZone } from './time-zone-input.js';
import { resolveWindow, type TimeWindow } from './time-window.js';

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
    format: Flags.string({
      description: 'Output format',
      options: ['table', 'json'],
      default: 'table',
      helpGroup: 'GLOBAL',
    }),
    timezone: Flags.string({
      description: 'IANA time zone for dates and ranges (default: system zone)',
      helpGroup: 'GLOBAL',
    }),
    'cost-mode': Flags.string({
      description: 'auto: recorded cost where the agent wrote one, else calculated; calculate; recorded',
      options: [...COST_MODES],
      default: 'auto',
      helpGroup: 'GLOBAL',
    }),
    sync: Flags.boolean({
      description: 'Sync new agent data before reading (--no-sync to skip)',
      allowNo: true,
      default: true,
      helpGroup: 'GLOBAL',
    }),
    'active-window': Flags.integer({
      description: 'Minutes since last activity for a session to count as active',
      min: 1,
      helpGroup: 'GLOBAL',
    }),
    wide: wideFlag,
    json: jsonFlag,
  };

  private runtime: Runtime | null = null;

  /** Opens the store and, unless told not to, syncs it first. */
  protected async prepare(): Promise<{ runtime: Runtime; settings: ReadSettings }> {
    const flags = this.flags as Record<string, unknown>;
    this.runtime = await openRuntime(flags.db as string | undefined);
    const runtime = this.runtime;
    // The TUI resolves the same flags, environment and config the same way.
    const app = resolveAppSettings({
      flags: {
        db: flags.db as string | undefined,
        timezone: flags.timezone as string | undefined,
        costMode: flags['cost-mode'] as string | undefined,
        activeWindowMinutes: flags['active-window'] as number | undefined,
      },
      config: runtime.config,
      env: runtime.ctx.env,
      homeDir: runtime.ctx.homeDir,
      now: runtime.ctx.now(),
      checkTimeZone,
    });
    const agentTypes = flags['agent-type'] as string[] | undefined;
    // Imported on use: checking a type that is not built-in loads the plugins' adapters.
    if (agentTypes?.some((t) => !isBuiltinAgentType(t)))
      await (await import('./known-agents.js')).checkAgentTypes(agentTypes, runtime, this.config);
    // Always check for new data: an unchanged source costs one stat, and skipping on a recent
    // sync would hide lines an agent wrote a moment ago.
    if (runtime.readOnly) {
      // Reads work on a read-only store; only new agent data cannot be added. Said once.
      if (flags.sync !== false)
        process.stderr.write(`warning: ${runtime.readOnly}: showing it as it is, without syncing new agent data\n`);
    } else if (flags.sync !== false) {
      // Imported on use: the adapters and the progress bar are not needed with --no-sync.
      const { runSync } = await import('./sync-runner.js');
      const firstSync = (await runtime.store.sessions.count({})) === 0;
      const summary = await runSync(runtime, { progress: true, config: this.config });
      // The first import is news, not a warning: said once, plainly (a few malformed lines in
      // months of logs are normal). Later syncs speak only when something went wrong.
      if (flags.verbose || (firstSync && summary.sourcesRead > 0))
        process.stderr.write(`${syncSummaryLine(summary)}\n`);
      else if (summary.diagnostics > 0 || summary.adapterErrors.length > 0) {
        process.stderr.write(`warning: ${syncSummaryLine(summary)}\n`);
      }
      for (const line of formatDriftLines(summary)) process.stderr.write(`${line}\n`);
    }
    // After the sync: a first run creates the agents being named.
    const agentNames = flags.agent as string[] | undefined;
    if (agentNames !== undefined && agentNames.length > 0)
      await (await import('./known-agents.js')).checkAgentNames(agentNames, runtime, this.config);
    return {
      runtime,
      settings: {
        zone: app.zone,
        costMode: app.costMode,
        activeWindowMs: app.activeWindowMs,
        // The instant after the sync: what it just wrote is judged against it.
        now: runtime.ctx.now(),
        json: flags.format === 'json',
      },
    };
  }

  /** --range narrowed by --since/--until (see resolveWindow), for commands that take them. */
  protected timeWindow(settings: ReadSettings, rangeName?: string): TimeWindow {
    const flags = this.flags as Record<string, unknown>;
    return resolveWindow(
      {
        range: rangeName ?? (flags.range as string),
        rangeGiven: this.given('range'),
        since: flags.since as string | undefined,
        until: flags.until as string | undefined,
      },
      settings,
    );
  }

  protected override storeLocation(): string | undefined {
    return this.runtime?.location;
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.runtime?.store.close();
    await super.finally(error);
  }
}
