import { rimuruArgv } from '../agent-hooks/hook-command.js';

/** How an agent starts this rimuru's MCP server: the running node and script by absolute path. */
export interface McpServerCommand {
  command: string;
  args: string[];
}

/** The name the server is registered under in every agent's configuration. */
export const MCP_SERVER_NAME = 'rimuru';

export function mcpServerCommand(): McpServerCommand {
  const [command, ...args] = rimuruArgv();
  return { command: command!, args: [...args, 'mcp'] };
}

/** Where the file as it was before the first install is kept (hooks keep theirs beside it as .rimuru-backup). */
export function mcpBackupPathOf(path: string): string {
  return `${path}.rimuru-mcp-backup`;
}

export type McpInstallChange = 'installed' | 'updated' | 'unchanged';
