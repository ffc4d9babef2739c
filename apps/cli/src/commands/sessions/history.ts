import { agentTypeFlag, limitFlag, rangeFlags } from '../../flags.js';
import { ReadCommand } from '../../read-command.js';
import { cutNotice } from '../../render/list-footer.js';
import { renderSessionsTable } from '../../render/session-rows.js';
import { toJsonList } from '../../session-query.js';

export default class SessionsHistory extends ReadCommand<typeof SessionsHistory> {
  static override summary = 'Recent sessions within a time range, newest started first';
  static override examples = [
    '<%= config.bin %> sessions history',
    '<%= config.bin %> sessions history --range 30d --limit 25',
  ];

  static override flags = {
    ...rangeFlags('7d'),
    limit: limitFlag(10),
    'agent-type': agentTypeFlag,
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const { range } = this.timeWindow(settings);
    const filter = {
      since: range.from ?? undefined,
      until: range.to ?? undefined,
      agentTypes: this.flags['agent-type'],
    };
    // Newest started first, as the "Started" column reads.
    const sessions = await runtime.store.sessions.page({ filter, sort: 'started', offset: 0, limit: this.flags.limit });
    const json = toJsonList(sessions, settings);
    if (settings.json) {
      this.printJson(json);
      return;
    }
    this.log(renderSessionsTable(json, { zone: settings.zone, color: this.useColor, width: this.tableWidth }));
    if (json.length === this.flags.limit)
      this.tableNote(cutNotice(json.length, await runtime.store.sessions.count(filter)));
  }
}
