import { isDeepStrictEqual } from 'node:util';
import { RimuruError } from '@rimuru/core';
import { parse as parseToml } from 'smol-toml';
import { readTextOrNull, writeAtomic } from '../agent-hooks/file-io.js';
import { MCP_SERVER_NAME, mcpBackupPathOf, type McpInstallChange, type McpServerCommand } from './server-entry.js';

function parse(text: string, path: string): Record<string, unknown> {
  try {
    return parseToml(text);
  } catch (error) {
    throw new RimuruError('CONFIG_ERROR', `${path} is not valid TOML: ${(error as Error).message.split('\n')[0]}`);
  }
}

function ourTable(config: Record<string, unknown>): Record<string, unknown> | undefined {
  const servers = config.mcp_servers;
  if (typeof servers !== 'object' || servers === null) return undefined;
  return (servers as Record<string, Record<string, unknown> | undefined>)[MCP_SERVER_NAME];
}

/** TOML basic strings take JSON's escapes. */
const tomlString = (s: string): string => JSON.stringify(s);
const tomlArray = (items: readonly string[]): string => `[${items.map(tomlString).join(', ')}]`;

/** `[mcp_servers.rimuru]`, however it is spaced or quoted. */
const HEADER = new RegExp(
  `^[ \\t]*\\[[ \\t]*mcp_servers[ \\t]*\\.[ \\t]*"?${MCP_SERVER_NAME}"?[ \\t]*\\][ \\t]*(?:#.*|\\r)?$`,
  'm',
);
const NEXT_HEADER = /^[ \t]*\[/m;

/** Where a value that starts at `start` ends: the line's end, or past the `]` closing an array. */
function valueEnd(text: string, start: number): number {
  if (text[start] !== '[') {
    const eol = text.indexOf('\n', start);
    return eol === -1 ? text.length : eol;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = c === '"' ? /(?<!\\)(?:\\\\)*"/g : /'/g;
      close.lastIndex = i + 1;
      const match = close.exec(text);
      if (match === null) return text.length;
      i = match.index + match[0].length - 1;
    } else if (c === '#') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Sets `key = value` in a table's own lines, in place when the key is there, else first. */
function setKey(body: string, key: string, value: string): string {
  const line = new RegExp(`^([ \\t]*)"?${key}"?[ \\t]*=[ \\t]*`, 'm').exec(body);
  if (line === null) return `${key} = ${value}\n${body}`;
  const start = line.index + line[0].length;
  return `${body.slice(0, line.index)}${line[1]}${key} = ${value}${body.slice(valueEnd(body, start))}`;
}

function withServer(text: string, server: McpServerCommand): string {
  const header = HEADER.exec(text);
  if (header === null) {
    const table = `[mcp_servers.${MCP_SERVER_NAME}]\ncommand = ${tomlString(server.command)}\nargs = ${tomlArray(server.args)}\n`;
    const separator = text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return `${text}${separator}${table}`;
  }
  const headerEnd = header.index + header[0].length;
  // The table's own lines: up to the next table header (its subtables, like env, stay as they are).
  const source = text[headerEnd] === '\n' ? text : `${text.slice(0, headerEnd)}\n${text.slice(headerEnd)}`;
  const bodyStart = headerEnd + 1;
  const next = NEXT_HEADER.exec(source.slice(bodyStart));
  const bodyEnd = next === null ? source.length : bodyStart + next.index;
  const body = setKey(
    setKey(source.slice(bodyStart, bodyEnd), 'args', tomlArray(server.args)),
    'command',
    tomlString(server.command),
  );
  return `${source.slice(0, bodyStart)}${body}${source.slice(bodyEnd)}`;
}

/**
 * Adds `[mcp_servers.rimuru]` to Codex's config.toml. The file is edited as text (our table
 * appended, or its `command` and `args` set in place) so the user's comments, layout and other
 * servers survive; the result is parsed back to be sure Codex will read what was meant.
 */
export async function installCodexMcpServer(path: string, server: McpServerCommand): Promise<McpInstallChange> {
  const text = await readTextOrNull(path);
  const current = text === null ? undefined : ourTable(parse(text, path));
  if (current !== undefined && current.command === server.command && isDeepStrictEqual(current.args, server.args))
    return 'unchanged';
  if (current !== undefined && !HEADER.test(text!)) {
    throw new RimuruError(
      'CONFIG_ERROR',
      `${path} defines mcp_servers.${MCP_SERVER_NAME} without its own [mcp_servers.${MCP_SERVER_NAME}] table`,
      1,
      {
        suggestions: [
          `Remove that definition, or set command = ${tomlString(server.command)} and args = ${tomlArray(server.args)} there yourself`,
        ],
      },
    );
  }
  const next = withServer(text ?? '', server);
  const written = ourTable(parse(next, path));
  if (written?.command !== server.command || !isDeepStrictEqual(written.args, server.args)) {
    throw new RimuruError(
      'CONFIG_ERROR',
      `Could not add the MCP server to ${path} safely: add [mcp_servers.${MCP_SERVER_NAME}] there yourself`,
    );
  }
  if (text !== null && current === undefined) await writeAtomic(mcpBackupPathOf(path), text);
  await writeAtomic(path, next);
  return current === undefined ? 'installed' : 'updated';
}
