import type { AnswerSettings } from '../answers/settings.js';
import type { Runtime } from '../runtime.js';
import type { JsonSchema } from './json-schema.js';
import type { ViewArgs } from './tool-input.js';
import type { PlanFields } from '../answers/plan-returns.js';

/** What a tool call gets besides its arguments. */
export interface ToolContext {
  /** The server's one store connection, synced before the call unless started with --no-sync. */
  runtime: Runtime;
  /** Zone, cost mode, active window and now for this call (arguments over the server's defaults). */
  settings(args: ViewArgs): AnswerSettings;
  /** The config's plans over a window, as the CLI's cost answers carry them (nothing without plans). */
  plans(
    settings: AnswerSettings,
    range: { from: Date | null; to: Date | null },
    filters?: { agentTypes?: string[] },
  ): Promise<PlanFields>;
}

export interface ToolAnswer {
  /** The CLI's `--format json` answer to the same question (lists wrapped in an object). */
  structured: Record<string, unknown>;
  /** A short summary for clients and models that read only text. */
  text: string;
}

/** One MCP tool: its schemas and the answer function behind it. */
export interface RimuruTool<Args = Record<string, unknown>> {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonSchema & { type: 'object' };
  outputSchema: JsonSchema & { type: 'object' };
  /** Called with arguments that passed `inputSchema`. */
  run(args: Args, ctx: ToolContext): Promise<ToolAnswer>;
}

/** A tool with typed arguments, kept in a list of tools of any arguments. */
export function defineTool<Args>(tool: RimuruTool<Args>): RimuruTool {
  return tool as unknown as RimuruTool;
}
