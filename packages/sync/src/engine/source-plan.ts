import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ReadPosition, SourceRef } from '@rimuru/core';
import type { SourceCheckpoint } from '@rimuru/db';

/** How many leading bytes identify a file: a different head means a different (rewritten) file. */
const HEAD_BYTES = 4096;

export interface FileIdentity {
  device: string;
  inode: string;
  size: number;
  mtimeMs: number;
  /**
   * Hash of the first `headLength` bytes; for a snapshot source with a `-wal` sibling, of those
   * bytes and the WAL's size and mtime, so a write that only reached the WAL changes it.
   */
  headHash: string;
  headLength: number;
  /** The `-wal` sibling of a snapshot source, when present. */
  wal: { size: number; mtimeMs: number } | null;
}

export type SourcePlan =
  | { action: 'skip'; reason: 'unchanged' | 'vanished' }
  | {
      action: 'read';
      reason: 'new' | 'grown' | 'truncated' | 'replaced' | 'rewritten' | 'changed';
      from: ReadPosition;
      identity: FileIdentity;
    };

/**
 * Hash of a file's first `length` bytes. Read with blocking calls, like the stat before it: a
 * first import hashes the head of every file, and a 4 KiB read from the page cache takes a few
 * microseconds where three thread-pool round trips (open, read, close) take far longer.
 */
function hashHead(path: string, length: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const bytesRead = readSync(fd, buffer, 0, length, 0);
    return createHash('sha256').update(buffer.subarray(0, bytesRead)).digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * SQLite in WAL mode (Cursor's `state.vscdb` while Cursor runs) appends commits to `<db>-wal`
 * and leaves the main file, its size and its mtime alone until a checkpoint: the WAL's own
 * size and mtime are what change.
 */
async function walOf(path: string): Promise<FileIdentity['wal']> {
  try {
    const info = await stat(`${path}-wal`, { bigint: true });
    return { size: Number(info.size), mtimeMs: Number(info.mtimeMs) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Without a WAL the plain head hash, so checkpoints written before WAL awareness stay valid. */
function withWal(headHash: string, wal: FileIdentity['wal']): string {
  if (wal === null) return headHash;
  return createHash('sha256').update(`${headHash}\0wal:${wal.size}:${wal.mtimeMs}`).digest('hex');
}

interface FileStat {
  device: string;
  inode: string;
  size: number;
  mtimeMs: number;
}

/**
 * A synchronous stat: a sync check over thousands of unchanged files costs one system call
 * each instead of a thread-pool round trip each. Null when the file is gone.
 */
function statOf(path: string): FileStat | null {
  const info = statSync(path, { bigint: true, throwIfNoEntry: false });
  if (info === undefined) return null;
  return {
    device: info.dev.toString(),
    inode: info.ino.toString(),
    size: Number(info.size),
    mtimeMs: Number(info.mtimeMs),
  };
}

async function identify(source: SourceRef, file: FileStat): Promise<FileIdentity | null> {
  const { path } = source;
  try {
    const headLength = Math.min(file.size, HEAD_BYTES);
    const wal = source.mode === 'snapshot' ? await walOf(path) : null;
    return { ...file, headLength, headHash: withWal(hashHead(path, headLength), wal), wal };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const FROM_START: ReadPosition = { offset: 0, state: null };

/**
 * Decides what to read of a source given its stored checkpoint, without reading content
 * beyond the head: an unchanged append-only file costs one stat; a snapshot source one stat
 * and one small read (its WAL can change without its own size or mtime changing).
 */
export async function planSource(source: SourceRef, checkpoint: SourceCheckpoint | null): Promise<SourcePlan> {
  const file = statOf(source.path);
  if (file === null) return { action: 'skip', reason: 'vanished' };
  // An append-only source with the stored size, mtime and inode has nothing new: no need to read its head.
  if (
    source.mode !== 'snapshot' &&
    checkpoint !== null &&
    file.size === checkpoint.size &&
    file.mtimeMs === checkpoint.mtimeMs &&
    file.inode === checkpoint.inode
  ) {
    return { action: 'skip', reason: 'unchanged' };
  }
  const identity = await identify(source, file);
  if (!identity) return { action: 'skip', reason: 'vanished' };
  if (!checkpoint) return { action: 'read', reason: 'new', from: FROM_START, identity };

  const unchanged = identity.size === checkpoint.size && identity.mtimeMs === checkpoint.mtimeMs;
  if (source.mode === 'snapshot') {
    // The head hash carries the WAL's size and mtime: a commit still in the WAL is a change.
    if (unchanged && identity.inode === checkpoint.inode && identity.headHash === checkpoint.headHash) {
      return { action: 'skip', reason: 'unchanged' };
    }
    // Read whole again, with the state its last read left: an agent's cumulative counters
    // (Droid's tokenUsage) become differences against the totals already counted.
    return { action: 'read', reason: 'changed', from: { offset: 0, state: checkpoint.state }, identity };
  }

  if (checkpoint.inode !== null && (identity.inode !== checkpoint.inode || identity.device !== checkpoint.device)) {
    return { action: 'read', reason: 'replaced', from: FROM_START, identity };
  }
  if (identity.size < checkpoint.offset) return { action: 'read', reason: 'truncated', from: FROM_START, identity };
  const storedHead = checkpoint.headLength;
  if (storedHead > 0) {
    const currentHead = storedHead === identity.headLength ? identity.headHash : hashHead(source.path, storedHead);
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

/**
 * How far progress has come once a checkpoint at `checkpointOffset` is committed. A snapshot
 * source is read whole, and its adapter's checkpoint offset need not be a byte position
 * (Cursor's is 0): its file size counts once, at its first checkpoint.
 */
export function progressOffset(source: SourceRef, identity: FileIdentity, checkpointOffset: number): number {
  return source.mode === 'snapshot' ? identity.size : checkpointOffset;
}
