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
    agentType: String(row.agent_type) as AgentType,
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

export async function getCheckpoint(db: SqlRunner, agentType: AgentType, path: string): Promise<SourceCheckpoint | null> {
  const [row] = await db.query(sql`SELECT ${CHECKPOINT_COLUMNS} FROM source_files WHERE agent_type = ${agentType} AND path = ${path}`);
  return row === undefined ? null : toCheckpoint(row);
}

export async function listCheckpoints(db: SqlRunner, agentType?: AgentType): Promise<SourceCheckpoint[]> {
  const rows = await db.query(sql`SELECT ${CHECKPOINT_COLUMNS} FROM source_files
    ${agentType === undefined ? emptySql : sql`WHERE agent_type = ${agentType}`}
    ORDER BY agent_type, path`);
  return rows.map(toCheckpoint);
}
