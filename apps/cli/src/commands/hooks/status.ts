import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { HOOK_AGENTS, hookSettingsPath, hooksStatus, type HookAgent } from '../../agent-hooks/hook-targets.js';
import { Args } from '@oclif/core';
import { settingsFlag } from '../../agent-hooks/hooks-flags.js';
import { budgetGuardInstalled } from '../../agent-hooks/budget-guard-hook.js';
import { claudeStatuslineInstalled } from '../../agent-hooks/claude-statusline.js';

export default class HooksStatus extends BaseCommand<typeof HooksStatus> {
  static override summary = "Show whether rimuru's hooks are installed (every agent without an argument)";
  static override args = { agent: Args.string({ description: 'Agent', options: [...HOOK_AGENTS] }) };
  static override flags = settingsFlag;

  async run(): Promise<void> {
    const agents: HookAgent[] = this.args.agent === undefined ? [...HOOK_AGENTS] : [this.args.agent as HookAgent];
    const ctx = createAdapterContext();
    const report = [];
    for (const agent of agents) {
      const path = this.flags.settings ?? hookSettingsPath(agent, ctx);
      // Named only where installed: the guard is opt-in, so its absence is no missing hook.
      const guard = agent === 'claude-code' && (await budgetGuardInstalled(path)) ? { guard: true } : {};
      const statusline = agent === 'claude-code' && (await claudeStatuslineInstalled(path)) ? { statusline: true } : {};
      report.push({ agent, path, ...(await hooksStatus(agent, path)), ...guard, ...statusline });
    }
    if (this.flags.format === 'json') {
      this.printJson(report);
      return;
    }
    for (const r of report) {
      const events = Object.entries(r.events)
        .map(([e, on]) => `${e} ${on ? 'installed' : 'missing'}`)
        .join(', ');
      const off = r.reason === null ? '' : `; will not run: ${r.reason}`;
      const guard = 'guard' in r && r.guard ? ', budget guard installed' : '';
      const statusline = 'statusline' in r && r.statusline ? ', statusline installed' : '';
      process.stdout.write(`${r.agent}: ${events}${guard}${statusline} (${r.path})${off}\n`);
    }
  }
}
