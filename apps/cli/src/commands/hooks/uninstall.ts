import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { hookSettingsPath, uninstallHooks, type HookAgent } from '../../agent-hooks/hook-targets.js';
import { hookAgentArg, settingsFlag } from '../../agent-hooks/hooks-flags.js';

export default class HooksUninstall extends BaseCommand<typeof HooksUninstall> {
  static override summary = "Remove rimuru's hooks from the agent's settings, leaving the file as it was";
  static override examples = ['<%= config.bin %> hooks uninstall claude-code', '<%= config.bin %> hooks uninstall qwen-code'];
  static override args = hookAgentArg;
  static override flags = settingsFlag;

  async run(): Promise<void> {
    const agent = this.args.agent as HookAgent;
    const path = this.flags.settings ?? hookSettingsPath(agent, createAdapterContext());
    const change = await uninstallHooks(agent, path);
    if (this.flags.format === 'json') this.printJson({ agent, path, change });
    else process.stderr.write(`${agent}: ${change} (${path})\n`);
  }
}
