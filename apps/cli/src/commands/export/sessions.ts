import { ExportCommand, exportFlags } from '../../export-command.js';
import {
  SESSION_EXPORT_COLUMNS,
  sessionCsvRow,
  sessionExportRow,
  type SessionExportRow,
} from '../../render/export-rows.js';

export default class ExportSessions extends ExportCommand<typeof ExportSessions> {
  static override summary = 'Every session with activity in the range, oldest first, streamed as CSV, JSON or NDJSON';
  static override description = `Columns, in order: ${SESSION_EXPORT_COLUMNS.join(', ')} (the session JSON keys plus host; in CSV, models are joined with ";").`;
  static override examples = [
    '<%= config.bin %> export sessions --output sessions.csv',
    '<%= config.bin %> export sessions --range 30d --format json',
  ];
  static override flags = exportFlags;

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const { from, to } = this.range(settings);
    const sessions = runtime.store.sessions.stream({ since: from, until: to, agentTypes: this.flags['agent-type'] });
    const opts = { now: settings.now, activeWindowMs: settings.activeWindowMs, costMode: settings.costMode };
    const rows = (async function* () {
      for await (const s of sessions) yield sessionExportRow(s, opts);
    })();
    await this.emit<SessionExportRow, Record<string, unknown>>(rows, SESSION_EXPORT_COLUMNS, sessionCsvRow);
  }
}
