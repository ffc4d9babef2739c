import { Args } from '@oclif/core';
import { BUILTIN_AGENT_TYPES } from '@rimuru/core';
import { rangeFlag } from '../../flags.js';
import { CostCommand } from '../../cost-command.js';

export default class CostsAgent extends CostCommand<typeof CostsAgent> {
  static override summary = "One agent's costs per model over a range (an agent type or an agent name)";
  static override examples = ['<%= config.bin %> costs agent claude-code --range 30d', '<%= config.bin %> costs agent cursor-default --format json'];

  static override args = { name: Args.string({ description: 'Agent type (claude-code, codex, …) or agent name (claude-code-default)', required: true }) };
  static override flags = { range: rangeFlag('7d') };

  async run(): Promise<void> {
    const name = this.args.name.trim();
    // A built-in type selects every agent of that type; anything else is an agent's name.
    const isType = (BUILTIN_AGENT_TYPES as readonly string[]).includes(name);
    await this.report(
      this.flags.range,
      { groupBy: 'model', ...(isType ? { agentTypes: [name] } : { agentNames: [name] }) },
      (r) => `Costs of ${name} by model — ${r.name}`,
    );
  }
}
