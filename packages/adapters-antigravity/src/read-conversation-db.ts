import { stat } from 'node:fs/promises';
import { unreadableSource } from '@rimuru/adapter-kit';
import { decodeCell, readSqliteSnapshot, safeColumn, type SqliteView } from '@rimuru/adapter-kit/sqlite';
import type { AdapterDiagnostic, AdapterEvent, UsageEvent } from '@rimuru/core';
import { conversationIdOf } from './discover.js';
import { decodeGeneration } from './gen-metadata.js';

function warn(message: string): AdapterDiagnostic {
  return { type: 'diagnostic', severity: 'warning', code: 'invalid-record', message, line: null };
}

/**
 * `data` is protobuf bytes, normally a BLOB; one stored as TEXT is read as its bytes too (as TEXT,
 * invalid UTF-8 would abort the process in libsql), a number or NULL as no bytes.
 */
function readRows(db: SqliteView): [number, Uint8Array][] | null {
  if (!db.hasTable('gen_metadata')) return null;
  return db.all(`SELECT ${safeColumn('idx')}, ${safeColumn('data')} FROM gen_metadata ORDER BY idx`).map((r) => {
    const data = r[1];
    return [Number(decodeCell(r[0])), data instanceof Uint8Array ? data : new Uint8Array()];
  });
}

/**
 * Reads `conversations/<id>.db` read-only: one usage event per `gen_metadata` row (one model
 * generation), keyed by the conversation and the generation's response id (else its row
 * index). A generation without a recorded start time is dated at the database's last write.
 */
export async function* readConversationDb(path: string): AsyncGenerator<AdapterEvent> {
  const id = conversationIdOf(path);
  let rows: [number, Uint8Array][] | null;
  let mtimeMs: number;
  try {
    rows = (await readSqliteSnapshot(path, readRows)).value;
    mtimeMs = Math.trunc((await stat(path)).mtimeMs);
  } catch (error) {
    yield unreadableSource(error);
    return;
  }
  if (rows === null) {
    yield warn('conversation database has no gen_metadata table');
    yield { type: 'checkpoint', offset: 0, state: null };
    return;
  }
  const usage: UsageEvent[] = [];
  const seen = new Set<string>();
  const times: number[] = [];
  const models = new Set<string>();
  for (const [idx, data] of rows) {
    const g = decodeGeneration(data);
    if (g === 'malformed') {
      yield warn(`gen_metadata row ${idx} is not a protobuf message`);
      continue;
    }
    if (g === 'no-usage') continue;
    const at = g.createdAtMs ?? mtimeMs;
    const key = `${id}:${g.responseId ?? `row-${idx}`}`;
    if (seen.has(key)) continue;
    seen.add(key);
    times.push(at);
    if (g.model !== null) models.add(g.model);
    usage.push({
      type: 'usage',
      sessionExternalId: id,
      dedupeKey: key,
      rank: 0,
      replayKey: null,
      isReplayCopy: false,
      occurredAt: new Date(at).toISOString(),
      model: g.model,
      tokens: g.tokens,
      recordedCostUsd: null,
      speed: null,
      line: null,
    });
  }
  if (times.length > 0) {
    yield {
      type: 'activity',
      sessionExternalId: id,
      firstAt: new Date(Math.min(...times)).toISOString(),
      lastAt: new Date(Math.max(...times)).toISOString(),
      projectPath: null,
      parentExternalId: null,
      tokensKnown: true,
      title: null,
      models: [...models].sort(),
    };
  }
  yield* usage;
  yield { type: 'checkpoint', offset: 0, state: null };
}
