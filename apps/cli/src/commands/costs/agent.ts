import { Args } from '@oclif/core';
import { rangeFlags } from '../../flags.js';
import { CostCommand } from '../../cost-command.js';
import { agentSelection } from '../../known-agents.js';

export default class CostsAgent extends CostCommand<typeof CostsAgent> {
  static override summary = "One agent's costs per model over a range (an agent type or an agent name)";
  static override examples = [
    '<%= config.bin %> costs agent claude-code --range 30d',
    '<%= config.bin %> costs agent cursor-default --format json',
  ];

  static override args = {
    name: Args.string({
      description: 'Agent type (claude-code, codex, …) or agent name (claude-code-default)',
      required: true,
    }),
  };
  static override flags = { ...rangeFlags('7d') };

  async run(): Promise<void> {
    const name = this.args.name.trim();
    // A type selects every agent of that type; else it must be an agent's name (exit 2 when neither).
    await this.report(
      this.flags.range,
      async (runtime) => ({ groupBy: 'model', ...(await agentSelection(name, runtime, this.config)) }),
      (r) => `Costs of ${name} by model — ${r.name}`,
    );
  }
}
