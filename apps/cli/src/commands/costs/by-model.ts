import { agentTypeFlag, rangeFlags } from '../../flags.js';
import { CostCommand } from '../../cost-command.js';

export default class CostsByModel extends CostCommand<typeof CostsByModel> {
  static override summary = 'Costs per model over a range, with totals';
  static override examples = [
    '<%= config.bin %> costs by-model --range 7d',
    '<%= config.bin %> costs by-model --range all --format json',
  ];

  static override flags = { ...rangeFlags('7d'), 'agent-type': agentTypeFlag };

  async run(): Promise<void> {
    await this.report(
      this.flags.range,
      { groupBy: 'model', agentTypes: this.flags['agent-type'] },
      (r) => `Costs by model — ${r.name}`,
    );
  }
}
