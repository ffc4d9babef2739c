import { isDeepStrictEqual } from 'node:util';
import { RimuruError } from '@rimuru/core';
import { readTextOrNull, writeAtomic } from '../agent-hooks/file-io.js';
import { isObject, type Json, type JsonObject } from '../agent-hooks/settings-json.js';
import { MCP_SERVER_NAME, mcpBackupPathOf, type McpInstallChange } from './server-entry.js';

function parse(text: string | null, path: string): JsonObject {
  if (text === null || text.trim() === '') return {};
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    throw new RimuruError('CONFIG_ERROR', `${path} is not valid JSON: fix it before installing the MCP server`);
  }
  if (!isObject(value)) throw new RimuruError('CONFIG_ERROR', `${path} is not a JSON object`);
  return value;
}

/**
 * Puts `entry` under `mcpServers.rimuru` of a JSON configuration (Claude Code, Cursor and Gemini
 * CLI share this shape), keeping every other key and server, and any other setting the user gave
 * our server (env, timeout, …). The file is backed up before the first change; when the entry
 * already says the same, nothing is written.
 */
export async function installJsonMcpServer(path: string, entry: JsonObject): Promise<McpInstallChange> {
  const text = await readTextOrNull(path);
  const settings = parse(text, path);
  const servers = settings.mcpServers ?? {};
  if (!isObject(servers)) throw new RimuruError('CONFIG_ERROR', `"mcpServers" in ${path} is not a JSON object`);
  const current = servers[MCP_SERVER_NAME];
  if (isObject(current) && Object.entries(entry).every(([key, value]) => isDeepStrictEqual(current[key], value)))
    return 'unchanged';
  const next: JsonObject = {
    ...settings,
    mcpServers: { ...servers, [MCP_SERVER_NAME]: { ...(isObject(current) ? current : {}), ...entry } },
  };
  // Back up what the user had, not a file that already carries our server.
  if (text !== null && current === undefined) await writeAtomic(mcpBackupPathOf(path), text);
  await writeAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
  return current === undefined ? 'installed' : 'updated';
}
