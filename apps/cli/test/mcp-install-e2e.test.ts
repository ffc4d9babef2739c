// @module-tag built
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { parse as parseToml } from 'smol-toml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN_PATH, makeSandbox, runCli } from './cli-harness.js';

/** What every agent is told to run: this node and this rimuru, by absolute path. */
const SERVER = { command: process.execPath, args: [BIN_PATH, 'mcp'] };

interface Installed {
  agent: string;
  path: string;
  change: string;
  backup: string | null;
}

describe('rimuru mcp install', () => {
  let sandbox: Awaited<ReturnType<typeof makeSandbox>>;

  beforeEach(async () => {
    sandbox = await makeSandbox();
  });
  afterEach(async () => sandbox.cleanup());

  const install = async (agent: string, env: Record<string, string> = {}): Promise<Installed> => {
    const result = await runCli(['mcp', 'install', agent, '--format', 'json'], { ...sandbox.env, ...env });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Installed;
  };
  const write = async (path: string, text: string) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  };
  const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

  /** Installs twice: the first backs up and changes the file, the second changes nothing. */
  const installTwice = async (
    agent: string,
    path: string,
    original: string,
    env: Record<string, string> = {},
  ): Promise<string> => {
    const first = await install(agent, env);
    expect(first).toMatchObject({ agent, path, change: 'installed', backup: `${path}.rimuru-mcp-backup` });
    expect(await readFile(`${path}.rimuru-mcp-backup`, 'utf8')).toBe(original);
    const text = await readFile(path, 'utf8');
    expect(await install(agent, env)).toMatchObject({ change: 'unchanged' });
    expect(await readFile(path, 'utf8')).toBe(text);
    expect(await readFile(`${path}.rimuru-mcp-backup`, 'utf8')).toBe(original);
    return text;
  };

  it('claude-code: the user scope of ~/.claude.json, every other key and server kept', async () => {
    const path = join(sandbox.home, '.claude.json');
    const original = `${JSON.stringify(
      {
        numStartups: 12,
        projects: { '/home/dev/app': { allowedTools: [], mcpServers: { local: { command: 'local-server' } } } },
        mcpServers: { github: { type: 'http', url: 'https://example.com/mcp' } },
      },
      null,
      2,
    )}\n`;
    await write(path, original);
    await installTwice('claude-code', path, original);
    const config = await readJson(path);
    expect(config).toMatchObject({
      numStartups: 12,
      projects: (JSON.parse(original) as { projects: unknown }).projects,
    });
    expect(config.mcpServers).toEqual({
      github: { type: 'http', url: 'https://example.com/mcp' },
      rimuru: { type: 'stdio', ...SERVER },
    });
  });

  it('claude-code: $CLAUDE_CONFIG_DIR/.claude.json when set; a missing file is created without a backup', async () => {
    const configDir = join(sandbox.root, 'claude-config');
    const installed = await install('claude-code', { CLAUDE_CONFIG_DIR: configDir });
    expect(installed).toMatchObject({ path: join(configDir, '.claude.json'), change: 'installed', backup: null });
    expect(await readJson(join(configDir, '.claude.json'))).toEqual({
      mcpServers: { rimuru: { type: 'stdio', ...SERVER } },
    });
    expect(existsSync(join(sandbox.home, '.claude.json'))).toBe(false);
  });

  it('claude-code: the installed entry starts a working server', async () => {
    await install('claude-code');
    const entry = ((await readJson(join(sandbox.home, '.claude.json'))).mcpServers as Record<string, typeof SERVER>)
      .rimuru!;
    const client = new Client({ name: 'install-check', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: entry.command,
        args: entry.args,
        env: { ...sandbox.env, TZ: 'UTC' },
        stderr: 'pipe',
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('list_sessions');
      const result = await client.callTool({ name: 'list_sessions', arguments: {} });
      expect(result.structuredContent).toEqual({ sessions: [] });
    } finally {
      await client.close();
    }
  });

  it('codex: [mcp_servers.rimuru] appended to config.toml, comments, settings and other servers kept', async () => {
    const path = join(sandbox.home, '.codex', 'config.toml');
    const original = [
      '# my codex settings',
      'model = "gpt-5-codex"',
      'notify = ["notify-send", "codex"]',
      '',
      '[mcp_servers.docs]',
      'command = "docs-server" # local docs',
      'args = ["--port", "0"]',
      '',
      '[mcp_servers.docs.env]',
      'TOKEN = "x"',
      '',
    ].join('\n');
    await write(path, original);
    const text = await installTwice('codex', path, original);
    expect(text.startsWith(original)).toBe(true);
    const config = parseToml(text) as { model: string; notify: string[]; mcp_servers: Record<string, unknown> };
    expect(config.model).toBe('gpt-5-codex');
    expect(config.notify).toEqual(['notify-send', 'codex']);
    expect(config.mcp_servers).toEqual({
      docs: { command: 'docs-server', args: ['--port', '0'], env: { TOKEN: 'x' } },
      rimuru: SERVER,
    });
  });

  it('codex: $CODEX_HOME honoured; an older rimuru entry is updated in place, its other settings kept', async () => {
    const codexHome = join(sandbox.root, 'codex-home');
    const path = join(codexHome, 'config.toml');
    const original = [
      '[mcp_servers.rimuru]',
      'command = "/old/node"',
      'args = [',
      '  "/old/rimuru/bin/run.js", # moved since',
      '  "mcp",',
      ']',
      'startup_timeout_sec = 30',
      '',
      '[mcp_servers.rimuru.env]',
      'RIMURU_HOST = "laptop"',
      '',
      '[mcp_servers.other]',
      'command = "other"',
      '',
    ].join('\n');
    await write(path, original);
    const installed = await install('codex', { CODEX_HOME: codexHome });
    expect(installed).toMatchObject({ path, change: 'updated', backup: null });
    const config = parseToml(await readFile(path, 'utf8')) as { mcp_servers: Record<string, unknown> };
    expect(config.mcp_servers).toEqual({
      rimuru: { ...SERVER, startup_timeout_sec: 30, env: { RIMURU_HOST: 'laptop' } },
      other: { command: 'other' },
    });
    expect(await install('codex', { CODEX_HOME: codexHome })).toMatchObject({ change: 'unchanged' });
  });

  it('cursor: ~/.cursor/mcp.json, other servers kept', async () => {
    const path = join(sandbox.home, '.cursor', 'mcp.json');
    const original = `${JSON.stringify({ mcpServers: { browser: { command: 'npx', args: ['-y', 'browser-mcp'] } } }, null, 2)}\n`;
    await write(path, original);
    await installTwice('cursor', path, original);
    expect(await readJson(path)).toEqual({
      mcpServers: { browser: { command: 'npx', args: ['-y', 'browser-mcp'] }, rimuru: SERVER },
    });
  });

  it('gemini-cli: mcpServers of settings.json ($GEMINI_CLI_HOME honoured), hooks and settings kept', async () => {
    const geminiHome = join(sandbox.root, 'gemini-home');
    const path = join(geminiHome, '.gemini', 'settings.json');
    const hooks = { SessionStart: [{ hooks: [{ type: 'command', command: 'echo hi' }] }] };
    const original = `${JSON.stringify({ theme: 'GitHub', hooks, mcpServers: { search: { httpUrl: 'https://example.com/mcp' } } }, null, 2)}\n`;
    await write(path, original);
    await installTwice('gemini-cli', path, original, { GEMINI_CLI_HOME: geminiHome });
    expect(await readJson(path)).toEqual({
      theme: 'GitHub',
      hooks,
      mcpServers: { search: { httpUrl: 'https://example.com/mcp' }, rimuru: SERVER },
    });
  });

  it('refuses a configuration it cannot read, in one line, and leaves it alone', async () => {
    const path = join(sandbox.home, '.cursor', 'mcp.json');
    await write(path, '{ "mcpServers": { broken');
    const result = await runCli(['mcp', 'install', 'cursor'], sandbox.env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/mcp\.json is not valid JSON/);
    expect(await readFile(path, 'utf8')).toBe('{ "mcpServers": { broken');
    expect(existsSync(`${path}.rimuru-mcp-backup`)).toBe(false);

    const toml = join(sandbox.home, '.codex', 'config.toml');
    await write(toml, 'model = "a"\nmcp_servers.rimuru.command = "x"\n');
    const inline = await runCli(['mcp', 'install', 'codex'], sandbox.env);
    expect(inline.code).toBe(1);
    expect(inline.stderr).toMatch(/defines mcp_servers\.rimuru without its own \[mcp_servers\.rimuru\] table/);
    expect(await readFile(toml, 'utf8')).toBe('model = "a"\nmcp_servers.rimuru.command = "x"\n');

    const unknown = await runCli(['mcp', 'install', 'vim'], sandbox.env);
    expect(unknown.code).toBe(2);
  });
});
