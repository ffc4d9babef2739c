import { existsSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { installMcpServer, MCP_AGENTS, mcpConfigPath, type McpAgent } from '../../mcp-install/mcp-targets.js';
import { mcpBackupPathOf, mcpServerCommand } from '../../mcp-install/server-entry.js';

export default class McpInstall extends BaseCommand<typeof McpInstall> {
  static override summary = "Add rimuru's MCP server to an agent's MCP configuration (backs it up first; idempotent)";
  static override description = [
    'Registers `rimuru mcp` as the server "rimuru" in the agent\'s own user-wide MCP configuration, after a backup to ' +
      '<file>.rimuru-mcp-backup; your other servers and settings stay. Run it again after moving rimuru: it updates the command.',
    '',
    'claude-code: mcpServers in $CLAUDE_CONFIG_DIR/.claude.json, else ~/.claude.json (the user scope of `claude mcp add`).',
    'codex: [mcp_servers.rimuru] in $CODEX_HOME/config.toml, else ~/.codex/config.toml.',
    'cursor: mcpServers in ~/.cursor/mcp.json.',
    'gemini-cli: mcpServers in $GEMINI_CLI_HOME/.gemini/settings.json, else ~/.gemini/settings.json.',
    '',
    'The agent starts the server with this node and this rimuru by absolute path. Restart the agent to load it.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> mcp install claude-code',
    '<%= config.bin %> mcp install codex --format json',
  ];
  static override args = {
    agent: Args.string({
      description: 'Agent whose MCP configuration to edit',
      options: [...MCP_AGENTS],
      required: true,
    }),
  };
  static override flags = {
    settings: Flags.string({
      description: "Path of the agent's MCP configuration file (default: the agent's own location)",
    }),
    format: Flags.string({ description: 'Output format', options: ['table', 'json'], default: 'table' }),
  };

  async run(): Promise<void> {
    const agent = this.args.agent as McpAgent;
    const path = this.flags.settings ?? mcpConfigPath(agent, createAdapterContext());
    const change = await installMcpServer(agent, path);
    const backup = mcpBackupPathOf(path);
    if (this.flags.format === 'json') {
      this.printJson({ agent, path, change, backup: existsSync(backup) ? backup : null, server: mcpServerCommand() });
    } else process.stderr.write(`${agent}: ${change} (${path})\n`);
  }
}
