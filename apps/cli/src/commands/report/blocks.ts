import { Flags } from '@oclif/core';
import { parseDateBound } from '@rimuru/core';
import { billingBlocksAnswer } from '../../answers/billing-blocks.js';
import { ReadCommand } from '../../read-command.js';
import { renderBlocks } from '../../render/blocks-table.js';
import { BLOCK_AGENT_TYPES } from '@rimuru/app-runtime/active-block';

export default class ReportBlocks extends ReadCommand<typeof ReportBlocks> {
  // As ccusage names it: `rimuru blocks`.
  static override aliases = ['blocks'];
  static override summary =
    "Claude Code's 5-hour billing blocks: tokens, cost, burn rate, projection of the active block";
  static override examples = [
    '<%= config.bin %> report blocks --since 2026-01-01',
    '<%= config.bin %> report blocks --active --format json',
  ];
  static override flags = {
    since: Flags.string({ description: 'First day (YYYY-MM-DD, local) or instant to include' }),
    until: Flags.string({ description: 'Last day (YYYY-MM-DD, local, inclusive) or instant (exclusive)' }),
    'agent-type': Flags.string({
      description: 'Agent types whose usage forms blocks; repeatable',
      multiple: true,
      default: [...BLOCK_AGENT_TYPES],
    }),
    active: Flags.boolean({ description: 'Only the active block', default: false }),
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const { flags } = this;
    const blocks = await billingBlocksAnswer(runtime.store, settings, {
      since: flags.since === undefined ? undefined : parseDateBound(flags.since, 'since', settings.zone),
      until: flags.until === undefined ? undefined : parseDateBound(flags.until, 'until', settings.zone),
      agentTypes: flags['agent-type'],
      active: flags.active,
    });
    if (settings.json) this.printJson(blocks);
    else
      this.log(
        renderBlocks(blocks, {
          zone: settings.zone,
          color: this.useColor,
          width: this.tableWidth,
          costMode: settings.costMode,
        }),
      );
  }
}
