import { ExportCommand, exportFlags } from '../../export-command.js';
import { USAGE_EXPORT_COLUMNS, usageExportRow, type UsageExportRow } from '../../render/export-rows.js';

export default class ExportUsage extends ExportCommand<typeof ExportUsage> {
  static override summary = 'Every counted request (deduplicated usage record), streamed as CSV, JSON or NDJSON';
  static override description = `Columns, in order: ${USAGE_EXPORT_COLUMNS.join(', ')}. Times are ISO-8601 UTC, dollars have 6 decimals, costUsd follows --cost-mode.`;
  static override examples = [
    '<%= config.bin %> export usage --range thismonth --output usage.csv',
    '<%= config.bin %> export usage --format ndjson',
  ];
  static override flags = exportFlags;

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const { from, to } = this.range(settings);
    const records = runtime.store.usage.stream({ from, to, agentTypes: this.flags['agent-type'] });
    const rows = (async function* () {
      for await (const r of records) yield usageExportRow(r, settings.costMode);
    })();
    await this.emit<UsageExportRow, UsageExportRow>(rows, USAGE_EXPORT_COLUMNS, (r) => r);
  }
}
