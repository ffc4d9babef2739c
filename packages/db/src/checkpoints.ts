import type { AgentType, JsonValue } from '@rimuru/core';
import { rawBigInt, rawDate, rawInt, rawStringOrNull } from './raw-values.js';
import { emptySql, sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';
import type { SourceCheckpoint } from './store.js';

function parseState(text: string | null): JsonValue | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    // A state we cannot read is as good as none: the adapter re-reads from the offset's start.
    return null;
  }
}

function toCheckpoint(row: RawRow): SourceCheckpoint {
  return {
    agentType: String(row.agent_type),
    path: String(row.path),
    device: rawStringOrNull(row.device),
    inode: rawStringOrNull(row.inode),
    size: Number(rawBigInt(row.size)),
    mtimeMs: Number(row.mtime_ms),
    headHash: rawStringOrNull(row.head_hash),
    headLength: rawInt(row.head_length),
    offset: Number(rawBigInt(row.byte_offset)),
    state: parseState(rawStringOrNull(row.state)),
    diagnosticCount: rawInt(row.diagnostic_count),
    updatedAt: rawDate(row.updated_at),
  };
}

const CHECKPOINT_COLUMNS = sql`agent_type, path, device, inode, size, mtime_ms, head_hash, head_length, byte_offset, state,
  diagnostic_count, updated_at`;

export async function getCheckpoint(
  db: SqlRunner,
  agentType: AgentType,
  path: string,
): Promise<SourceCheckpoint | null> {
  const [row] = await db.query(
    sql`SELECT ${CHECKPOINT_COLUMNS} FROM source_files WHERE agent_type = ${agentType} AND path = ${path}`,
  );
  return row === undefined ? null : toCheckpoint(row);
}

/** The checkpoint columns as one JSON array per row, in CHECKPOINT_COLUMNS order. */
const CHECKPOINT_ARRAY = sql`agent_type, path, device, inode, size, mtime_ms, head_hash, head_length, byte_offset, state,
  diagnostic_count, updated_at`;
const CHECKPOINT_KEYS = [
  'agent_type',
  'path',
  'device',
  'inode',
  'size',
  'mtime_ms',
  'head_hash',
  'head_length',
  'byte_offset',
  'state',
  'diagnostic_count',
  'updated_at',
] as const;

/**
 * Every checkpoint of an agent (or of all agents), ordered by agent type and path. A sync reads
 * all of them on every run, so they come back as one JSON document built by the database: the
 * drivers convert a result row by row and column by column, which costs more than the query
 * itself for ten thousand sources.
 */
export async function listCheckpoints(db: SqlRunner, agentType?: AgentType): Promise<SourceCheckpoint[]> {
  const where = agentType === undefined ? emptySql : sql`WHERE agent_type = ${agentType}`;
  const statement =
    db.dialect === 'sqlite'
      ? sql`SELECT json_group_array(json_array(${CHECKPOINT_ARRAY})) AS doc
          FROM (SELECT * FROM source_files ${where} ORDER BY agent_type, path)`
      : sql`SELECT COALESCE(json_agg(json_build_array(${CHECKPOINT_ARRAY}) ORDER BY agent_type, path), '[]'::json)::text AS doc
          FROM source_files ${where}`;
  const [row] = await db.query<{ doc: string }>(statement);
  const arrays = JSON.parse(row?.doc ?? '[]') as unknown[][];
  return arrays.map((values) =>
    toCheckpoint(Object.fromEntries(CHECKPOINT_KEYS.map((key, i) => [key, values[i] ?? null]))),
  );
}
