import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { hookSettingsPath, installHooks, type HookAgent } from '../../agent-hooks/hook-targets.js';
import { hookAgentArg, settingsFlag } from '../../agent-hooks/hooks-flags.js';
import { Flags } from '@oclif/core';
import { UsageError } from '@rimuru/core';
import { GUARD_EVENT, installBudgetGuard } from '../../agent-hooks/budget-guard-hook.js';
import { installClaudeStatusline, type StatuslineInstall } from '../../agent-hooks/claude-statusline.js';

export default class HooksInstall extends BaseCommand<typeof HooksInstall> {
  static override summary =
    'Make the agent tell rimuru when a session starts and ends (backs up its settings first; idempotent)';
  static override description = [
    "Edits the agent's own user settings, after a backup to <file>.rimuru-backup; your other settings and hooks stay.",
    '',
    'claude-code: SessionStart, Stop, SessionEnd in $CLAUDE_CONFIG_DIR/settings.json, else ~/.claude/settings.json.',
    '  --statusline also sets its statusLine to `rimuru statusline`; a statusLine of your own is kept unless --replace.',
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
  static override flags = {
    ...settingsFlag,
    guard: Flags.boolean({
      description: `claude-code: also add the budget guard (${GUARD_EVENT} runs \`rimuru budget guard\`): new prompts are refused while a --hard budget is exceeded`,
      default: false,
    }),
    statusline: Flags.boolean({
      description:
        "claude-code: also set Claude Code's statusLine to `rimuru statusline` (a statusLine of your own is kept unless --replace)",
      default: false,
    }),
    replace: Flags.boolean({
      description:
        'With --statusline: replace your own statusLine (saved beside the settings file; `hooks uninstall` puts it back)',
      default: false,
      dependsOn: ['statusline'],
    }),
  };

  async run(): Promise<void> {
    const agent = this.args.agent as HookAgent;
    if (this.flags.guard && agent !== 'claude-code')
      throw new UsageError(`--guard is for claude-code only (its ${GUARD_EVENT} hook can refuse a prompt)`);
    if (this.flags.statusline && agent !== 'claude-code') throw new UsageError('--statusline is for claude-code only');
    const path = this.flags.settings ?? hookSettingsPath(agent, createAdapterContext());
    const { change, warnings } = await installHooks(agent, path);
    // After the lifecycle hooks: their install keeps the user's file as the backup.
    const guard = this.flags.guard ? await installBudgetGuard(path) : undefined;
    const statusline = this.flags.statusline
      ? await installClaudeStatusline(path, { replace: this.flags.replace })
      : undefined;
    if (this.flags.format === 'json')
      this.printJson({
        agent,
        path,
        change,
        warnings,
        ...(guard === undefined ? {} : { guard }),
        ...(statusline === undefined ? {} : { statusline }),
      });
    else process.stderr.write(`${agent}: ${change} (${path})\n`);
    if (guard !== undefined && this.flags.format !== 'json') process.stderr.write(`${agent} budget guard: ${guard}\n`);
    if (statusline !== undefined && this.flags.format !== 'json')
      process.stderr.write(`${statuslineMessage(agent, statusline)}\n`);
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  }
}

function statuslineMessage(agent: string, s: StatuslineInstall): string {
  if (s.change === 'kept') {
    return `${agent} statusline: kept your own (\`${s.userCommand ?? '?'}\`); run again with --replace to use rimuru's (yours is saved and restored by \`hooks uninstall\`)`;
  }
  if (s.change === 'replaced')
    return `${agent} statusline: replaced your own (\`${s.userCommand ?? '?'}\`, saved to ${s.savedTo ?? '?'})`;
  return `${agent} statusline: ${s.change}`;
}
