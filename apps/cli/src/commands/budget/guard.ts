import { Flags } from '@oclif/core';
import { assertTimeZone, systemTimeZone } from '@rimuru/core';
import { BaseCommand } from '../../base-command.js';
import { readBudgetStatuses } from '../../budget/budget-read.js';
import { CLAUDE_BLOCKING_EXIT, guardRefusal } from '../../budget/guard-verdict.js';
import { renderError } from '../../error-line.js';
import { openRuntime, type Runtime } from '../../runtime.js';

export default class BudgetGuard extends BaseCommand<typeof BudgetGuard> {
  static override summary =
    "Claude Code's prompt guard: exit 2 (prompt refused, reason on stderr) while a --hard budget is exceeded";
  static override description = [
    'Installed as a UserPromptSubmit hook by `rimuru hooks install claude-code --guard`. Syncs new usage first (unless',
    '--no-sync), then exits 2 with the reason on stderr while any --hard budget is exceeded, 0 otherwise. Prints nothing on',
    'stdout (Claude Code would add it to the prompt). When the check itself fails it exits 1, which Claude Code reports',
    'without blocking: a broken store never locks you out.',
  ].join('\n');
  static override examples = ['<%= config.bin %> budget guard; echo $?'];
  static override flags = {
    sync: Flags.boolean({
      description: 'Sync new agent data before checking (--no-sync to skip)',
      allowNo: true,
      default: true,
    }),
    timezone: Flags.string({ description: 'IANA time zone of the budget periods (default: config, then system zone)' }),
  };

  private runtime: Runtime | null = null;

  async run(): Promise<void> {
    this.runtime = await openRuntime(this.flags.db);
    const runtime = this.runtime;
    const zone = assertTimeZone(this.flags.timezone ?? runtime.config.timezone ?? systemTimeZone());
    if (this.flags.sync) {
      const { runSync } = await import('../../sync-runner.js');
      await runSync(runtime, { progress: false, config: this.config });
    }
    const now = runtime.ctx.now();
    const refusal = guardRefusal(await readBudgetStatuses(runtime, { now, zone, costMode: 'auto' }), zone);
    if (refusal !== null) {
      process.stderr.write(`${refusal}\n`);
      process.exitCode = CLAUDE_BLOCKING_EXIT;
    }
  }

  /** Any failure exits 1, never 2: Claude Code must not read a broken check as a refusal. */
  // eslint-disable-next-line @typescript-eslint/require-await -- overrides oclif's async Command.catch
  protected override async catch(error: Error & { exitCode?: number }): Promise<void> {
    process.stderr.write(`rimuru budget guard could not check budgets: ${renderError(error).line}\n`);
    process.exitCode = 1;
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.runtime?.store.close();
    await super.finally(error);
  }
}
