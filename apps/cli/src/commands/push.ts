import { Flags } from '@oclif/core';
import { UsageError } from '@rimuru/core';
import { openStore, parseStoreLocation, type SessionStore } from '@rimuru/db';
import { pushStore } from '@rimuru/sync/team-push';
import { BaseCommand } from '../base-command.js';
import { counted } from '../render/plural.js';
import { syncSummaryLine } from '../render/sync-summary-line.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { runSync } from '../sync-runner.js';

export default class Push extends BaseCommand<typeof Push> {
  static override summary = "Replicate this store's sessions to a shared PostgreSQL server (team mode)";
  static override description =
    'Syncs local agent data first (unless --no-sync), then sends every agent, session and usage record that changed since ' +
    "this store's last push to that server. Safe to run from many machines at once; re-sending is harmless.";
  static override examples = [
    '<%= config.bin %> push --to postgres://rimuru@team-db/rimuru',
    '<%= config.bin %> config set team.url postgres://rimuru@team-db/rimuru && <%= config.bin %> push',
  ];
  static override flags = {
    to: Flags.string({ description: 'Server URL (default: config team.url)' }),
    sync: Flags.boolean({
      description: 'Sync local agent data first (--no-sync to skip)',
      allowNo: true,
      default: true,
    }),
    full: Flags.boolean({ description: 'Send everything, not only what changed since the last push', default: false }),
    format: Flags.string({ description: 'Output format of the summary', options: ['table', 'json'], default: 'table' }),
  };

  private runtime: Runtime | null = null;
  private server: SessionStore | null = null;

  async run(): Promise<void> {
    this.runtime = await openRuntime(this.flags.db);
    const url = this.flags.to ?? this.runtime.config.team?.url;
    if (url === undefined) {
      throw new UsageError('No server to push to', {
        suggestions: ['Pass --to postgres://…, or set it once: rimuru config set team.url postgres://…'],
      });
    }
    const target = parseStoreLocation(url, this.runtime.ctx.homeDir);
    if (target.dialect !== 'postgres') throw new UsageError(`--to must be a postgres:// URL, got "${url}"`);
    if (this.flags.sync) {
      const summary = await runSync(this.runtime, { progress: this.flags.format !== 'json', config: this.config });
      if (this.flags.verbose) process.stderr.write(`${syncSummaryLine(summary)}\n`);
    }
    // Opening migrates an empty server under its advisory lock: many first pushes at once are safe.
    this.server = await openStore(target);
    const summary = await pushStore({ local: this.runtime.store, server: this.server, full: this.flags.full });
    if (this.flags.format === 'json') {
      this.printJson({ ...summary, host: this.runtime.host });
      return;
    }
    process.stderr.write(
      `Pushed ${counted(summary.sessions, 'session')}, ${counted(summary.usageRecords, 'usage record')} from ${this.runtime.host} to ${summary.target} in ${summary.durationMs} ms\n`,
    );
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.server?.close();
    await this.runtime?.store.close();
    await super.finally(error);
  }
}
