import type { AgentType, JsonValue } from '@rimuru/core';
import type { DbClient } from './db-client.js';
import type { SourceFile } from './generated/postgres/client.js';
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

function toCheckpoint(row: SourceFile): SourceCheckpoint {
  return {
    agentType: row.agentType,
    path: row.path,
    device: row.device,
    inode: row.inode,
    size: Number(row.size),
    mtimeMs: row.mtimeMs,
    headHash: row.headHash,
    headLength: row.headLength,
    offset: Number(row.byteOffset),
    state: parseState(row.state),
    diagnosticCount: row.diagnosticCount,
    updatedAt: row.updatedAt,
  };
}

export async function getCheckpoint(db: DbClient, agentType: AgentType, path: string): Promise<SourceCheckpoint | null> {
  const row = await db.sourceFile.findUnique({ where: { agentType_path: { agentType, path } } });
  return row === null ? null : toCheckpoint(row);
}

export async function listCheckpoints(db: DbClient, agentType?: AgentType): Promise<SourceCheckpoint[]> {
  const rows = await db.sourceFile.findMany({
    where: agentType === undefined ? {} : { agentType },
    orderBy: [{ agentType: 'asc' }, { path: 'asc' }],
  });
  return rows.map(toCheckpoint);
}
