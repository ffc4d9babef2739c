import { computeSessionStats, resolveTimeRange, selectCostNanos } from '@rimuru/core';
import { agentTypeFlag, rangeFlag } from '../../flags.js';
import { ReadCommand } from '../../read-command.js';
import { renderStats } from '../../render/stats-table.js';

export default class SessionsStats extends ReadCommand<typeof SessionsStats> {
  static override summary = 'Session, token and cost totals for a time range';
  static override examples = ['<%= config.bin %> sessions stats', '<%= config.bin %> sessions stats --range all --format json'];

  static override flags = {
    range: rangeFlag('7d'),
    'agent-type': agentTypeFlag,
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const range = resolveTimeRange(this.flags.range, { zone: settings.zone, now: settings.now });
    const agentTypes = this.flags['agent-type'];
    const [sessions, usage] = await Promise.all([
      runtime.store.listSessions({ since: range.from ?? undefined, until: range.to ?? undefined, agentTypes }),
      runtime.store.usageTotals({ from: range.from ?? undefined, to: range.to ?? undefined, agentTypes }),
    ]);
    const stats = computeSessionStats({
      sessions,
      usage: { tokens: usage.tokens, costNanos: selectCostNanos(usage, settings.costMode) },
      now: settings.now,
      activeWindowMs: settings.activeWindowMs,
    });
    if (settings.json) this.printJson(stats);
    else this.log(renderStats(stats, { title: `Sessions — ${range.name}`, color: this.useColor }));
  }
}
