import { BaseCommand } from '../base-command.js';
import { Flags } from '@oclif/core';
import { StoreError } from '@rimuru/core';
import { formatDriftLines, syncSummaryLine } from '../render/sync-summary-line.js';
import { openRuntime } from '../runtime.js';
import { runSync } from '../sync-runner.js';
import type { Runtime } from '../runtime.js';

export default class Sync extends BaseCommand<typeof Sync> {
  static override summary = 'Read new agent data into the store (only new bytes are read)';
  static override examples = [
    '<%= config.bin %> sync',
    '<%= config.bin %> sync --verbose',
    '<%= config.bin %> sync --format json',
  ];

  static override flags = {
    format: Flags.string({ description: 'Output format of the summary', options: ['table', 'json'], default: 'table' }),
  };

  private runtime: Runtime | null = null;

  async run(): Promise<void> {
    this.runtime = await openRuntime(this.flags.db);
    if (this.runtime.readOnly) {
      throw new StoreError(
        'DB_ERROR',
        `${this.runtime.readOnly}: sync cannot add new agent data; make it writable or choose another --db`,
      );
    }
    const summary = await runSync(this.runtime, { progress: this.flags.format !== 'json', config: this.config });
    if (this.flags.format === 'json') {
      this.printJson(summary);
      return;
    }
    process.stderr.write(`${syncSummaryLine(summary)}\n`);
    for (const line of formatDriftLines(summary)) process.stderr.write(`${line}\n`);
    if (this.flags.verbose) {
      for (const d of summary.diagnosticSamples) {
        process.stderr.write(`  ${d.path}${d.line === null ? '' : `:${d.line}`}: ${d.code}: ${d.message}\n`);
      }
      if (summary.diagnostics > summary.diagnosticSamples.length) {
        process.stderr.write(`  … and ${summary.diagnostics - summary.diagnosticSamples.length} more\n`);
      }
    }
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.runtime?.store.close();
    await super.finally(error);
  }
}
