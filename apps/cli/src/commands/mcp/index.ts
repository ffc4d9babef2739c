import { Flags } from '@oclif/core';
import { assertTimeZone, COST_MODES, DEFAULT_ACTIVE_WINDOW_MINUTES, systemTimeZone, type CostMode } from '@rimuru/core';
import { BaseCommand } from '../../base-command.js';
import { formatDriftLines, syncSummaryLine } from '../../render/sync-summary-line.js';
import { openRuntime, type Runtime } from '../../runtime.js';

export default class Mcp extends BaseCommand<typeof Mcp> {
  static override summary = 'Serve sessions, usage and costs to AI agents over MCP (stdio)';
  static override description = [
    'A Model Context Protocol server on stdin/stdout for agents and editors. Tools: list_sessions, get_session, session_stats, ' +
      'usage_report, costs_summary, budget_status. Each returns, as structured content, what the matching `--format json` command prints.',
    '',
    'Before each answer the store is synced incrementally (--no-sync to skip). stdout carries protocol only; warnings go to stderr.',
    "`rimuru mcp install <agent>` adds this server to an agent's MCP configuration.",
  ].join('\n');
  static override examples = [
    '<%= config.bin %> mcp',
    '<%= config.bin %> mcp --no-sync --timezone Europe/Berlin',
    '<%= config.bin %> mcp install claude-code',
  ];

  static override flags = {
    sync: Flags.boolean({
      description: 'Sync new agent data before each answer (--no-sync to skip)',
      allowNo: true,
      default: true,
    }),
    timezone: Flags.string({
      description: 'IANA time zone of calls that name none (default: config, then system zone)',
    }),
    'cost-mode': Flags.string({
      description: 'Cost mode of calls that name none',
      options: [...COST_MODES],
      default: 'auto',
    }),
    'active-window': Flags.integer({
      description: 'Minutes since last activity for a session to count as active',
      min: 1,
    }),
  };

  private runtime: Runtime | null = null;

  async run(): Promise<void> {
    // A stray console.log from any library would corrupt the protocol: everything else goes to stderr.
    console.log = console.info = console.debug = console.error;
    const runtime = await openRuntime(this.flags.db);
    this.runtime = runtime;
    const zone = assertTimeZone(this.flags.timezone ?? runtime.config.timezone ?? systemTimeZone());
    const windowMinutes =
      this.flags['active-window'] ?? runtime.config.activeWindowMinutes ?? DEFAULT_ACTIVE_WINDOW_MINUTES;
    // Imported on use: `rimuru mcp --help` and `mcp install` never load the SDK.
    const [{ serveMcp }, { RIMURU_TOOLS }] = await Promise.all([
      import('../../mcp/server.js'),
      import('../../mcp/tools/index.js'),
    ]);
    await serveMcp({
      runtime,
      tools: RIMURU_TOOLS,
      version: this.config.version,
      sync: this.flags.sync ? () => this.syncOnce(runtime) : null,
      defaults: { zone, costMode: this.flags['cost-mode'] as CostMode, activeWindowMs: windowMinutes * 60_000 },
      oclif: this.config,
    });
  }

  private async syncOnce(runtime: Runtime): Promise<void> {
    const { runSync } = await import('../../sync-runner.js');
    const summary = await runSync(runtime, { progress: false, config: this.config });
    if (this.flags.verbose) process.stderr.write(`${syncSummaryLine(summary)}\n`);
    else if (summary.diagnostics > 0 || summary.adapterErrors.length > 0)
      process.stderr.write(`warning: ${syncSummaryLine(summary)}\n`);
    for (const line of formatDriftLines(summary)) process.stderr.write(`${line}\n`);
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.runtime?.store.close();
    await super.finally(error);
  }
}
