import { agentTypeFlag, hostFlag, rangeFlags } from '../../flags.js';
import { CostCommand } from '../../cost-command.js';

export default class CostsSummary extends CostCommand<typeof CostsSummary> {
  static override summary = 'Costs per agent over a range, with totals';
  static override examples = [
    '<%= config.bin %> costs summary --range 30d',
    '<%= config.bin %> costs summary --range thismonth --format json',
  ];

  static override flags = { ...rangeFlags('7d'), 'agent-type': agentTypeFlag, host: hostFlag };

  async run(): Promise<void> {
    await this.report(
      this.flags.range,
      { groupBy: 'agentType', agentTypes: this.flags['agent-type'], hosts: this.flags.host },
      (r) => `Cost summary — ${r.name}`,
      { plans: true },
    );
  }
}
