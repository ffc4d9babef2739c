import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { hookSettingsPath, installHooks, type HookAgent } from '../../agent-hooks/hook-targets.js';
import { hookAgentArg, settingsFlag } from '../../agent-hooks/hooks-flags.js';

export default class HooksInstall extends BaseCommand<typeof HooksInstall> {
  static override summary = 'Make the agent tell rimuru when a session starts and ends (backs up its settings first; idempotent)';
  static override description = [
    "Edits the agent's own user settings, after a backup to <file>.rimuru-backup; your other settings and hooks stay.",
    '',
    'claude-code: SessionStart, Stop, SessionEnd in $CLAUDE_CONFIG_DIR/settings.json, else ~/.claude/settings.json.',
    'codex: notify in $CODEX_HOME/config.toml, else ~/.codex/config.toml (refused over a notify program of yours).',
    'gemini-cli: SessionStart, AfterAgent, SessionEnd in $GEMINI_CLI_HOME/.gemini/settings.json, else ~/.gemini/settings.json (Gemini CLI 0.24 or later; hooksConfig.enabled false turns every hook off).',
    'qwen-code: SessionStart, Stop, SessionEnd in $QWEN_HOME/settings.json, else ~/.qwen/settings.json (disableAllHooks true turns every hook off).',
    'droid: SessionStart, Stop, SessionEnd in ~/.factory/settings.json (refused when ~/.factory/hooks.json exists: Droid then reads that file instead).',
    '',
    'Each hook runs `rimuru hook <event> --agent <agent>`, which ingests that session at once and marks it active or ended. ' +
      '`rimuru hooks status` says when the agent will not run them; `rimuru hooks uninstall <agent>` restores the file as it was.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> hooks install claude-code',
    '<%= config.bin %> hooks install gemini-cli',
    '<%= config.bin %> hooks install codex --format json',
  ];
  static override args = hookAgentArg;
  static override flags = settingsFlag;

  async run(): Promise<void> {
    const agent = this.args.agent as HookAgent;
    const path = this.flags.settings ?? hookSettingsPath(agent, createAdapterContext());
    const { change, warnings } = await installHooks(agent, path);
    if (this.flags.format === 'json') this.printJson({ agent, path, change, warnings });
    else process.stderr.write(`${agent}: ${change} (${path})\n`);
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  }
}
