import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AdapterContext, SourceRef } from '@rimuru/core';
import { geminiRoots } from './roots.js';

/** Chat files: `session-*.json` (whole JSON) and the newer `*.jsonl` logs. `logs.json` is a prompt log, not a chat. */
function isChatFile(name: string): boolean {
  return name.endsWith('.json') || name.endsWith('.jsonl');
}

async function entries(dir: string): Promise<{ name: string; dir: boolean; file: boolean }[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, dir: e.isDirectory(), file: e.isFile() }));
  } catch {
    return [];
  }
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every chat file, sorted by path (deterministic). Both forms are snapshot sources: Gemini CLI
 * rewrites the JSON whole and upserts messages in the JSONL by id, so a change is re-read whole.
 */
export async function discoverGeminiChats(ctx: AdapterContext): Promise<SourceRef[]> {
  const paths: string[] = [];
  for (const root of await geminiRoots(ctx)) {
    for (const project of await entries(root)) {
      if (!project.dir) continue;
      const chats = join(root, project.name, 'chats');
      for (const file of await entries(chats)) if (file.file && isChatFile(file.name)) paths.push(join(chats, file.name));
    }
  }
  return paths.sort(byCodeUnit).map((path) => ({ path, mode: 'snapshot' as const }));
}
