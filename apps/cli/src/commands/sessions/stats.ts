import { sessionStatsAnswer } from '../../answers/session-stats.js';
import { planBlock, planReturnsOf } from '../../answers/plan-returns.js';
import { agentTypeFlag, hostFlag, rangeFlags } from '../../flags.js';
import { ReadCommand } from '../../read-command.js';

export default class SessionsStats extends ReadCommand<typeof SessionsStats> {
  static override summary = 'Session, token and cost totals for a time range';
  static override examples = [
    '<%= config.bin %> sessions stats',
    '<%= config.bin %> sessions stats --range all --format json',
  ];

  static override flags = {
    ...rangeFlags('7d'),
    'agent-type': agentTypeFlag,
    host: hostFlag,
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const { range, label } = this.timeWindow(settings);
    const stats = await sessionStatsAnswer(runtime.store, settings, {
      from: range.from,
      to: range.to,
      agentTypes: this.flags['agent-type'],
      hosts: this.flags.host,
    });
    const plans = await planReturnsOf(runtime, this.config, settings, range, {
      agentTypes: this.flags['agent-type'],
      hosts: this.flags.host,
    });
    if (settings.json) {
      this.printJson({ ...stats, ...plans.fields });
      return;
    }
    // Imported on use: JSON output never loads the table renderer.
    const { renderStats } = await import('../../render/stats-table.js');
    this.log(`${renderStats(stats, { title: `Sessions — ${label}`, color: this.useColor })}${planBlock(plans.lines)}`);
  }
}
