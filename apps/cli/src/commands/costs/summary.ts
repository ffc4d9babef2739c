import { agentTypeFlag, rangeFlag } from '../../flags.js';
import { CostCommand } from '../../cost-command.js';

export default class CostsSummary extends CostCommand<typeof CostsSummary> {
  static override summary = 'Costs per agent over a range, with totals';
  static override examples = ['<%= config.bin %> costs summary --range 30d', '<%= config.bin %> costs summary --range thismonth --format json'];

  static override flags = { range: rangeFlag('7d'), 'agent-type': agentTypeFlag };

  async run(): Promise<void> {
    await this.report(this.flags.range, { groupBy: 'agentType', agentTypes: this.flags['agent-type'] }, (r) => `Cost summary — ${r.name}`);
  }
}
