import { Flags } from '@oclif/core';
import { COST_MODES, type CostMode } from '@rimuru/core';
import { BaseCommand } from '../base-command.js';
import { DEFAULT_STATUSLINE_TIMEOUT_MS, runStatusline } from '../statusline/statusline-run.js';
import { createAdapterContext } from '@rimuru/sync';

export default class Statusline extends BaseCommand<typeof Statusline> {
  static override summary =
    "Claude Code's status line: model, session tokens and cost, today, the 5-hour block, budget";
  static override description = [
    "Reads the statusline JSON Claude Code pipes to its `statusLine` command and prints one line. Only this session's",
    'transcript (and its subagents) is read, from where the last call stopped; the rest comes from the store.',
    'Past --timeout, or on any failure, it prints the last good line of the session (kept in',
    '$XDG_CACHE_HOME/rimuru/statusline.json) or a short plain one, and exits 0.',
    '`rimuru hooks install claude-code --statusline` sets it up.',
  ].join('\n');
  static override examples = [
    'echo \'{"session_id":"…","transcript_path":"…","model":{"display_name":"Opus"}}\' | <%= config.bin %> statusline',
    '<%= config.bin %> statusline --format json < payload.json',
  ];
  static override flags = {
    format: Flags.string({ description: 'Output format', options: ['line', 'json'], default: 'line' }),
    timeout: Flags.integer({
      description: 'Milliseconds to answer in before printing the last good line',
      min: 1,
      default: DEFAULT_STATUSLINE_TIMEOUT_MS,
    }),
    timezone: Flags.string({ description: "IANA time zone of 'today' (default: config, then the system zone)" }),
    'cost-mode': Flags.string({
      description: 'auto: recorded cost where the agent wrote one, else calculated; calculate; recorded',
      options: [...COST_MODES],
      default: 'auto',
    }),
  };

  async run(): Promise<void> {
    const ctx = createAdapterContext();
    const { abandoned } = await runStatusline(
      {
        format: this.flags.format === 'json' ? 'json' : 'line',
        timeoutMs: this.flags.timeout,
        db: this.flags.db,
        timezone: this.flags.timezone,
        costMode: this.flags['cost-mode'] as CostMode,
        color: this.flags.color !== false && !process.env.NO_COLOR,
        verbose: this.flags.verbose,
      },
      { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: ctx.env, homeDir: ctx.homeDir },
    );
    // Work still under way past the deadline is not waited for (see runStatusline).
    if (abandoned) process.exit(0);
  }
}
