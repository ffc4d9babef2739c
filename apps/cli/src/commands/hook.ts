import { Args, Flags } from '@oclif/core';
import { defaultAgentName, UsageError } from '@rimuru/core';
import { syncAll } from '@rimuru/sync';
import { hookSignal, parseHookJson } from '../agent-hooks/hook-payload.js';
import { HOOK_AGENTS, type HookAgent } from '../agent-hooks/hook-targets.js';
import { BaseCommand } from '../base-command.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { syncOptionsOf } from '../sync-options.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export default class Hook extends BaseCommand<typeof Hook> {
  static override summary = 'Called by an agent hook: marks a session active or ended and ingests it at once';
  static override description =
    'Installed by `rimuru hooks install`. Reads the hook JSON from stdin (Claude Code, Gemini CLI, Qwen Code, Droid) or ' +
    'the last argument (Codex notify). Prints nothing on stdout: the agents add it to the conversation or parse it as JSON.';
  static override hidden = true;
  static override args = {
    event: Args.string({
      description: 'Lifecycle event',
      options: ['session-start', 'stop', 'session-end', 'notify'],
      required: true,
    }),
    payload: Args.string({ description: 'Hook JSON (default: read from stdin)' }),
  };
  static override flags = {
    agent: Flags.string({ description: 'Agent that calls', options: [...HOOK_AGENTS], default: 'claude-code' }),
  };

  private runtime: Runtime | null = null;

  async run(): Promise<void> {
    const agent = this.flags.agent as HookAgent;
    const text = this.args.payload ?? (await readStdin());
    if (text.trim() === '') throw new UsageError('No hook payload: expected JSON on stdin or as an argument');
    const signal = hookSignal(agent, this.args.event, parseHookJson(text));
    this.runtime = await openRuntime(this.flags.db);
    const runtime = this.runtime;
    // Ingest first: the session row then carries the transcript's real start, not the hook's instant.
    const options = await syncOptionsOf(runtime, this.config);
    const summary = await syncAll({
      ...options,
      adapters: options.adapters.filter((a) => a.id === agent),
      only: signal.only,
    });
    await runtime.store.sessions.markByHook({
      agentType: agent,
      agentName: defaultAgentName(agent),
      host: runtime.host,
      externalId: signal.externalId,
      at: runtime.ctx.now(),
      ended: signal.ended,
      projectPath: signal.projectPath,
    });
    if (this.flags.verbose) {
      process.stderr.write(
        `rimuru hook ${this.args.event}: ${signal.externalId} (${summary.sourcesRead} files read)\n`,
      );
    }
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.runtime?.store.close();
    await super.finally(error);
  }
}
