import { nonBlankString, isRecord } from '@rimuru/adapter-kit';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { WireLocation } from './layout.js';

/** What files beside the wire log say about its session. */
export interface SessionContext {
  projectPath: string | null;
  title: string | null;
  /** The configured default model (kimi-cli), for calls whose record names none. */
  defaultModel: string | null;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * kimi-cli names a session's group folder after the md5 of its working directory (prefixed
 * `<kaos>_` for non-local environments) and lists the directories in `<root>/kimi.json`
 * `work_dirs[].path`: the one whose hash is the folder name is the project.
 */
export function projectFromWorkDirs(kimiJson: unknown, groupName: string): string | null {
  if (!isRecord(kimiJson) || !Array.isArray(kimiJson['work_dirs'])) return null;
  for (const entry of kimiJson['work_dirs']) {
    const path = isRecord(entry) ? nonBlankString(entry['path']) : nonBlankString(entry);
    if (path === null) continue;
    const hash = createHash('md5').update(path, 'utf8').digest('hex');
    if (groupName === hash || groupName.endsWith(`_${hash}`)) return path;
  }
  return null;
}

/** `default_model = "…"` of kimi-cli's TOML config (a full TOML parser is not needed for one key). */
export function defaultModelFromToml(toml: string): string | null {
  const match = /^\s*default_model\s*=\s*"([^"]+)"/m.exec(toml);
  return match?.[1] ?? null;
}

/**
 * Reads the small files that describe a session: Kimi Code's `state.json` (`workDir`, `title`),
 * or kimi-cli's `kimi.json` (work directories) and config (default model). Missing or broken
 * files leave the facts unknown; the wire log itself may still name the cwd and model.
 */
export async function loadSessionContext(location: WireLocation): Promise<SessionContext> {
  if (location.layout === 'kimi-code') {
    const state = await readJson(join(location.sessionDir, 'state.json'));
    return {
      projectPath: isRecord(state) ? nonBlankString(state['workDir']) : null,
      title: isRecord(state) ? nonBlankString(state['title']) : null,
      defaultModel: null,
    };
  }
  const kimiJson = await readJson(join(location.root, 'kimi.json'));
  const configJson = await readJson(join(location.root, 'config.json'));
  const toml = await readText(join(location.root, 'config.toml'));
  return {
    projectPath: projectFromWorkDirs(kimiJson, basename(location.groupDir)),
    title: null,
    defaultModel:
      (isRecord(configJson) ? nonBlankString(configJson['model']) : null) ??
      (toml === null ? null : defaultModelFromToml(toml)),
  };
}
