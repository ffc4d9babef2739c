import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { unreadableSource } from '@rimuru/adapter-kit';
import { readSqliteSnapshot, safeColumn, type SqliteView } from '@rimuru/adapter-kit/sqlite';
import type { AdapterDiagnostic, AdapterEvent } from '@rimuru/core';
import { asObject, modelName, nonEmptyString } from './cursor-record.js';
import { isoOf, toEpochMs } from './timestamps.js';

/** What a cursor-agent `store.db` says about its chat (its `meta` row "0"). */
export interface CliStoreMeta {
  agentId: string | null;
  name: string | null;
  createdAtMs: number | null;
  /** The model of the chat's last request: the only model the store names. */
  lastUsedModel: string | null;
}

function warn(code: string, message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code, message, line: null };
}

/** The meta value is hex-encoded UTF-8 JSON; plain JSON is accepted too. */
export function decodeCliMeta(value: unknown): CliStoreMeta | string {
  let text: string | null = null;
  if (typeof value === 'string') text = value;
  else if (value instanceof Uint8Array) text = Buffer.from(value).toString('utf8');
  if (text === null) return 'meta value is not text';
  const trimmed = text.trim();
  if (/^([0-9a-fA-F]{2})+$/.test(trimmed)) text = Buffer.from(trimmed, 'hex').toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'meta value is neither hex-encoded JSON nor JSON';
  }
  const record = asObject(json);
  if (record === null) return 'meta value is not a JSON object';
  return {
    agentId: nonEmptyString(record['agentId']),
    name: nonEmptyString(record['name']),
    createdAtMs: toEpochMs(record['createdAt']),
    lastUsedModel: modelName(record['lastUsedModel']),
  };
}

/** The meta value as bytes when it is text: read as TEXT, one that is not UTF-8 would abort the process. */
function readMeta(db: SqliteView): unknown {
  if (!db.hasTable('meta')) return undefined;
  for (const row of db.iterate(`SELECT ${safeColumn('value')} FROM meta WHERE key = '0'`)) return row[0];
  return undefined;
}

async function mtimeMs(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

/** The project folder whose md5 names the store's `<md5(cwd)>` directory, if a workspace names it. */
function cliProjectPath(storePath: string, knownFolders: readonly string[]): string | null {
  const hash = basename(dirname(dirname(storePath))).toLowerCase();
  return knownFolders.find((folder) => createHash('md5').update(folder).digest('hex') === hash) ?? null;
}

/**
 * A cursor-agent chat (`~/.cursor/chats/<md5(cwd)>/<agentId>/store.db`) as one session with
 * unknown tokens: the CLI persists no per-request usage (its root blob's context-size figures are
 * not spend). Start is the meta `createdAt`; the end is the later of that and the store's (or
 * its WAL's) last write, the only record of the chat's last activity.
 */
export async function* readCliStore(path: string, knownFolders: readonly string[]): AsyncGenerator<AdapterEvent> {
  let raw: unknown;
  try {
    raw = (await readSqliteSnapshot(path, readMeta)).value;
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  const meta = raw === undefined ? 'no meta row "0"' : decodeCliMeta(raw);
  if (typeof meta === 'string') {
    yield warn('invalid-record', `${meta}; chat skipped`);
  } else if (meta.createdAtMs === null) {
    yield warn('invalid-record', 'meta has no usable createdAt; chat skipped');
  } else {
    const writes = [await mtimeMs(path), await mtimeMs(`${path}-wal`)].filter((m): m is number => m !== null);
    const lastMs = Math.max(meta.createdAtMs, ...writes.map(Math.trunc));
    yield {
      type: 'activity',
      sessionExternalId: meta.agentId ?? basename(dirname(path)),
      firstAt: isoOf(meta.createdAtMs),
      lastAt: isoOf(lastMs),
      projectPath: cliProjectPath(path, knownFolders),
      parentExternalId: null,
      tokensKnown: false,
      title: meta.name,
      // The request count is not in the meta row; only the last model is.
      ...(meta.lastUsedModel === null ? {} : { models: [meta.lastUsedModel] }),
    };
  }
  yield { type: 'checkpoint', offset: 0, state: null };
}
