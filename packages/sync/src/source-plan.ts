import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { ReadPosition, SourceRef } from '@rimuru/core';
import type { SourceCheckpoint } from '@rimuru/db';

/** How many leading bytes identify a file: a different head means a different (rewritten) file. */
export const HEAD_BYTES = 4096;

export interface FileIdentity {
  device: string;
  inode: string;
  size: number;
  mtimeMs: number;
  headHash: string;
  headLength: number;
}

export type SourcePlan =
  | { action: 'skip'; reason: 'unchanged' | 'vanished' }
  | {
      action: 'read';
      reason: 'new' | 'grown' | 'truncated' | 'replaced' | 'rewritten' | 'changed';
      from: ReadPosition;
      identity: FileIdentity;
    };

export async function hashHead(path: string, length: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return createHash('sha256').update(buffer.subarray(0, bytesRead)).digest('hex');
  } finally {
    await handle.close();
  }
}

async function identify(path: string): Promise<FileIdentity | null> {
  try {
    const info = await stat(path, { bigint: true });
    const size = Number(info.size);
    const headLength = Math.min(size, HEAD_BYTES);
    return {
      device: info.dev.toString(),
      inode: info.ino.toString(),
      size,
      mtimeMs: Number(info.mtimeMs),
      headLength,
      headHash: await hashHead(path, headLength),
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const FROM_START: ReadPosition = { offset: 0, state: null };

/**
 * Decides what to read of a source given its stored checkpoint, without reading content
 * beyond the head: unchanged files cost one stat and one small read.
 */
export async function planSource(source: SourceRef, checkpoint: SourceCheckpoint | null): Promise<SourcePlan> {
  const identity = await identify(source.path);
  if (!identity) return { action: 'skip', reason: 'vanished' };
  if (!checkpoint) return { action: 'read', reason: 'new', from: FROM_START, identity };

  const unchanged = identity.size === checkpoint.size && identity.mtimeMs === checkpoint.mtimeMs;
  if (unchanged && identity.inode === checkpoint.inode) return { action: 'skip', reason: 'unchanged' };
  if (source.mode === 'snapshot') return { action: 'read', reason: 'changed', from: FROM_START, identity };

  if (checkpoint.inode !== null && (identity.inode !== checkpoint.inode || identity.device !== checkpoint.device)) {
    return { action: 'read', reason: 'replaced', from: FROM_START, identity };
  }
  if (identity.size < checkpoint.offset) return { action: 'read', reason: 'truncated', from: FROM_START, identity };
  const storedHead = checkpoint.headLength;
  if (storedHead > 0) {
    const currentHead =
      storedHead === identity.headLength ? identity.headHash : await hashHead(source.path, storedHead);
    if (identity.size < storedHead || currentHead !== checkpoint.headHash) {
      return { action: 'read', reason: 'rewritten', from: FROM_START, identity };
    }
  }
  return {
    action: 'read',
    reason: 'grown',
    from: { offset: checkpoint.offset, state: checkpoint.state },
    identity,
  };
}
