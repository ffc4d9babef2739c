import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { hookSettingsPath, installHooks, type HookAgent } from '../../agent-hooks/hook-targets.js';
import { hookAgentArg, settingsFlag } from '../../agent-hooks/hooks-flags.js';

export default class HooksInstall extends BaseCommand<typeof HooksInstall> {
  static override summary = 'Make the agent tell rimuru when a session starts and ends (backs up its settings first; idempotent)';
  static override examples = ['<%= config.bin %> hooks install claude-code', '<%= config.bin %> hooks install codex'];
  static override args = hookAgentArg;
  static override flags = settingsFlag;

  async run(): Promise<void> {
    const agent = this.args.agent as HookAgent;
    const path = this.flags.settings ?? hookSettingsPath(agent, createAdapterContext());
    const change = await installHooks(agent, path);
    if (this.flags.format === 'json') this.printJson({ agent, path, change });
    else process.stderr.write(`${agent}: ${change} (${path})\n`);
  }
}
