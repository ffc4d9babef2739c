import { join } from 'node:path';
import type { AdapterContext } from '@rimuru/core';
import { firstListed, hookSettingsPath } from '../agent-hooks/hook-targets.js';
import { installCodexMcpServer } from './codex-mcp-config.js';
import { installJsonMcpServer } from './json-mcp-config.js';
import { mcpServerCommand, type McpInstallChange } from './server-entry.js';

export const MCP_AGENTS = ['claude-code', 'codex', 'cursor', 'gemini-cli'] as const;
export type McpAgent = (typeof MCP_AGENTS)[number];

/**
 * Where the agent reads its user-wide MCP servers (env overrides honoured as `hooks install`
 * does): Claude Code's user scope, top-level `mcpServers` of `.claude.json` in
 * `$CLAUDE_CONFIG_DIR` or the home; Codex `[mcp_servers.*]` of `config.toml` in `$CODEX_HOME`
 * or `~/.codex`; Cursor `~/.cursor/mcp.json`; Gemini CLI `mcpServers` of its settings.json.
 */
export function mcpConfigPath(agent: McpAgent, ctx: AdapterContext): string {
  switch (agent) {
    case 'claude-code':
      return join(firstListed(ctx.env.CLAUDE_CONFIG_DIR, ctx.homeDir) ?? ctx.homeDir, '.claude.json');
    case 'codex':
    case 'gemini-cli':
      return hookSettingsPath(agent, ctx);
    case 'cursor':
      return join(ctx.homeDir, '.cursor', 'mcp.json');
  }
}

/** Adds `rimuru mcp` to the agent's configuration at `path`: backed up first, idempotent, other servers kept. */
export function installMcpServer(agent: McpAgent, path: string): Promise<McpInstallChange> {
  const server = mcpServerCommand();
  switch (agent) {
    case 'codex':
      return installCodexMcpServer(path, server);
    case 'claude-code':
      // What `claude mcp add --scope user` writes.
      return installJsonMcpServer(path, { type: 'stdio', command: server.command, args: server.args });
    case 'cursor':
    case 'gemini-cli':
      return installJsonMcpServer(path, { command: server.command, args: server.args });
  }
}
