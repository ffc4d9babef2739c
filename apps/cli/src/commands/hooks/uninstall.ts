import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { hookSettingsPath, uninstallHooks, type HookAgent } from '../../agent-hooks/hook-targets.js';
import { hookAgentArg, settingsFlag } from '../../agent-hooks/hooks-flags.js';
import { uninstallBudgetGuard } from '../../agent-hooks/budget-guard-hook.js';
import { uninstallClaudeStatusline } from '../../agent-hooks/claude-statusline.js';

export default class HooksUninstall extends BaseCommand<typeof HooksUninstall> {
  static override summary = "Remove rimuru's hooks from the agent's settings, leaving the file as it was";
  static override examples = [
    '<%= config.bin %> hooks uninstall claude-code',
    '<%= config.bin %> hooks uninstall qwen-code',
  ];
  static override args = hookAgentArg;
  static override flags = settingsFlag;

  async run(): Promise<void> {
    const agent = this.args.agent as HookAgent;
    const path = this.flags.settings ?? hookSettingsPath(agent, createAdapterContext());
    // The guard first: with it gone, what remains can equal the backup and be restored byte for byte.
    const guard = agent === 'claude-code' ? await uninstallBudgetGuard(path) : 'absent';
    // The statusline too, putting back a statusLine of the user's that ours replaced.
    const statusline = agent === 'claude-code' ? await uninstallClaudeStatusline(path) : 'absent';
    const lifecycle = await uninstallHooks(agent, path);
    const change =
      lifecycle === 'unchanged' && (guard === 'removed' || statusline !== 'absent') ? 'removed' : lifecycle;
    if (this.flags.format === 'json') this.printJson({ agent, path, change });
    else process.stderr.write(`${agent}: ${change} (${path})\n`);
  }
}
