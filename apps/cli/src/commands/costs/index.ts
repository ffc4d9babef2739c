import { agentTypeFlag, rangeFlags } from '../../flags.js';
import { CostCommand } from '../../cost-command.js';

export default class Costs extends CostCommand<typeof Costs> {
  static override summary = "Today's costs per agent: requests, input/output tokens, cost, totals";
  static override examples = ['<%= config.bin %> costs', '<%= config.bin %> costs --format json --cost-mode calculate'];

  static override flags = { ...rangeFlags('today'), 'agent-type': agentTypeFlag };

  async run(): Promise<void> {
    await this.report(
      this.flags.range,
      { groupBy: 'agentType', agentTypes: this.flags['agent-type'] },
      (r) => `Costs — ${r.name}`,
    );
  }
}
