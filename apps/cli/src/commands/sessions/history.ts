import { resolveTimeRange } from '@rimuru/core';
import { agentTypeFlag, limitFlag, rangeFlag } from '../../flags.js';
import { ReadCommand } from '../../read-command.js';
import { renderSessionsTable } from '../../render/session-rows.js';
import { toJsonList } from '../../session-query.js';

export default class SessionsHistory extends ReadCommand<typeof SessionsHistory> {
  static override summary = 'Recent sessions within a time range';
  static override examples = ['<%= config.bin %> sessions history', '<%= config.bin %> sessions history --range 30d --limit 25'];

  static override flags = {
    range: rangeFlag('7d'),
    limit: limitFlag(10),
    'agent-type': agentTypeFlag,
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const range = resolveTimeRange(this.flags.range, { zone: settings.zone, now: settings.now });
    const sessions = await runtime.store.sessions.list({
      since: range.from ?? undefined,
      until: range.to ?? undefined,
      agentTypes: this.flags['agent-type'],
      limit: this.flags.limit,
    });
    const json = toJsonList(sessions, settings);
    if (settings.json) this.printJson(json);
    else this.log(renderSessionsTable(json, { zone: settings.zone, color: this.useColor }));
  }
}
