import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { HOOK_AGENTS, hookSettingsPath, hooksStatus, type HookAgent } from '../../agent-hooks/hook-targets.js';
import { Args } from '@oclif/core';
import { settingsFlag } from '../../agent-hooks/hooks-flags.js';

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
      report.push({ agent, path, ...(await hooksStatus(agent, path)) });
    }
    if (this.flags.format === 'json') {
      this.printJson(report);
      return;
    }
    for (const r of report) {
      const events = Object.entries(r.events).map(([e, on]) => `${e} ${on ? 'installed' : 'missing'}`).join(', ');
      const off = r.reason === null ? '' : `; will not run: ${r.reason}`;
      process.stdout.write(`${r.agent}: ${events} (${r.path})${off}\n`);
    }
  }
}
