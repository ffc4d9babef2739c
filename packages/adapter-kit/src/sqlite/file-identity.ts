import { stat } from 'node:fs/promises';

/** What identifies one version of a file: a rewrite, an append or a replacement changes one. */
interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * A database file and the two side files SQLite keeps beside it (`-wal` in WAL mode, `-journal`
 * during a rollback-journal write), each null when absent. `-shm` is left out: a live reader may
 * create or touch it without any change of content.
 */
export interface SnapshotIdentity {
  database: FileStamp | null;
  wal: FileStamp | null;
  journal: FileStamp | null;
}

async function stampOf(path: string): Promise<FileStamp | null> {
  try {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch {
    return null;
  }
}

export async function identityOf(path: string): Promise<SnapshotIdentity> {
  const [database, wal, journal] = await Promise.all([
    stampOf(path),
    stampOf(`${path}-wal`),
    stampOf(`${path}-journal`),
  ]);
  return { database, wal, journal };
}

function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

export function sameIdentity(a: SnapshotIdentity, b: SnapshotIdentity): boolean {
  return sameStamp(a.database, b.database) && sameStamp(a.wal, b.wal) && sameStamp(a.journal, b.journal);
}

/** WAL frames exist that only a live SQLite reader can apply (an immutable open ignores the WAL). */
export function hasWalContent(identity: SnapshotIdentity): boolean {
  return (identity.wal?.size ?? 0) > 0;
}

/** A rollback journal exists: a write transaction is running (or crashed) in a non-WAL database. */
export function hasJournal(identity: SnapshotIdentity): boolean {
  return (identity.journal?.size ?? 0) > 0;
}
