import { activeSince, resolveTimeRange, selectCostNanos, sessionStatsFromCounts } from '@rimuru/core';
import { agentTypeFlag, rangeFlag } from '../../flags.js';
import { ReadCommand } from '../../read-command.js';

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
    // Counts and durations are aggregated by the store: no session row is loaded.
    const [counts, usage] = await Promise.all([
      runtime.store.sessions.counts(
        { since: range.from ?? undefined, until: range.to ?? undefined, agentTypes },
        activeSince(settings),
      ),
      runtime.store.usage.totals({ from: range.from ?? undefined, to: range.to ?? undefined, agentTypes }),
    ]);
    const stats = sessionStatsFromCounts(counts, { tokens: usage.tokens, costNanos: selectCostNanos(usage, settings.costMode) });
    if (settings.json) {
      this.printJson(stats);
      return;
    }
    // Imported on use: JSON output never loads the table renderer.
    const { renderStats } = await import('../../render/stats-table.js');
    this.log(renderStats(stats, { title: `Sessions — ${range.name}`, color: this.useColor }));
  }
}
