import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { assertTimeZone, RimuruError, UsageError, type CostMode } from '@rimuru/core';
import type { Config } from '@oclif/core';
import { planReturnsOf } from '../answers/plan-returns.js';
import type { AnswerSettings } from '../answers/settings.js';
import type { Runtime } from '../runtime.js';
import { SyncGate } from './sync-gate.js';
import type { RimuruTool, ToolContext } from './tool.js';
import { toolAnswerResult, toolErrorResult } from './tool-result.js';
import type { ViewArgs } from './tool-input.js';

export interface McpServerOptions {
  runtime: Runtime;
  tools: readonly RimuruTool[];
  version: string;
  /** Syncs the store incrementally; null with --no-sync. */
  sync: (() => Promise<void>) | null;
  /** Zone, cost mode and active window of calls that do not name their own. */
  defaults: { zone: string; costMode: CostMode; activeWindowMs: number };
  /** The CLI's oclif config: which agent types (plugins too) a config's `plans` may name. */
  oclif: Config;
}

const INSTRUCTIONS =
  'Rimuru keeps one history of the sessions, tokens and costs of every AI coding agent on this machine ' +
  '(Claude Code, Codex, Gemini CLI, OpenCode, Cursor and more). Each tool returns what the matching `rimuru … --format json` command prints.';

/**
 * Serves the tools over stdio until the client closes stdin or the process is told to stop.
 * stdout carries protocol only. Every failure of a call (bad arguments, a bad id, a store or
 * sync error) is answered as a tool error; the server keeps running.
 */
export async function serveMcp(options: McpServerOptions): Promise<void> {
  const { runtime, tools } = options;
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const validator = new AjvJsonSchemaValidator();
  const checks = new Map(
    tools.map((tool) => [
      tool.name,
      { input: validator.getValidator(tool.inputSchema), output: validator.getValidator(tool.outputSchema) },
    ]),
  );
  const gate = options.sync === null ? null : new SyncGate(options.sync);
  const ctx: ToolContext = {
    runtime,
    settings: (args) => settingsOf(args, options.defaults, runtime),
    plans: async (settings, range, filters) =>
      (await planReturnsOf(runtime, options.oclif, settings, range, filters)).fields,
  };

  const server = new Server(
    { name: 'rimuru', version: options.version },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.map(listing) }));

  const inFlight = new Set<Promise<unknown>>();
  server.setRequestHandler(CallToolRequestSchema, (request) => {
    const call = (async () => {
      try {
        const tool = byName.get(request.params.name);
        const check = checks.get(request.params.name);
        if (tool === undefined || check === undefined) {
          throw new UsageError(`Unknown tool "${request.params.name}"; tools: ${tools.map((t) => t.name).join(', ')}`);
        }
        const args = request.params.arguments ?? {};
        const input = check.input(args);
        if (!input.valid) throw new UsageError(`Invalid arguments for ${tool.name}: ${input.errorMessage}`);
        await gate?.synced();
        const answer = await tool.run(args, ctx);
        // Checked as it goes on the wire, so a drifting answer is a tool error, not a client's surprise.
        const structured = JSON.parse(JSON.stringify(answer.structured)) as Record<string, unknown>;
        const output = check.output(structured);
        if (!output.valid)
          throw new RimuruError(
            'INTERNAL',
            `The answer of ${tool.name} does not match its output schema: ${output.errorMessage}`,
          );
        return toolAnswerResult({ ...answer, structured });
      } catch (error) {
        return toolErrorResult(error);
      }
    })();
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
    return call;
  });

  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  let closing = false;
  const close = (): void => {
    if (closing) return;
    closing = true;
    void server.close();
  };
  process.stdin.once('end', close);
  process.stdout.on('error', close); // the client went away (EPIPE)
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await server.connect(new StdioServerTransport());
  await closed;
  // The store closes after this returns: let calls that were answering finish first.
  await Promise.allSettled([...inFlight]);
}

function listing(tool: RimuruTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    outputSchema: tool.outputSchema,
    // Reads the user's history (the sync only brings the store up to date with the agents' files).
    annotations: { title: tool.title, readOnlyHint: true, openWorldHint: false },
  };
}

function settingsOf(args: ViewArgs, defaults: McpServerOptions['defaults'], runtime: Runtime): AnswerSettings {
  return {
    zone: assertTimeZone(args.timezone ?? defaults.zone),
    costMode: args.costMode ?? defaults.costMode,
    activeWindowMs: defaults.activeWindowMs,
    now: runtime.ctx.now(),
  };
}
