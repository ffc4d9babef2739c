/** How an incremental JSONL reader paces itself; tests pass small values to force many checkpoints. */
export interface ReadLimits {
  /** Bytes read per filesystem call. */
  chunkSize: number;
  /** Longer lines are skipped with a `line-too-long` diagnostic. */
  maxLineBytes: number;
  /** A checkpoint follows after this many consumed bytes... */
  checkpointBytes: number;
  /** ...or this many consumed lines, whichever comes first. */
  checkpointLines: number;
}

/**
 * Defaults sized for transcripts of hundreds of MB: 2 MiB reads, one transaction per 8 MiB or
 * 20k lines, and a line limit far above any real record but below what would exhaust memory.
 */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  chunkSize: 2 * 1024 * 1024,
  maxLineBytes: 64 * 1024 * 1024,
  checkpointBytes: 8 * 1024 * 1024,
  checkpointLines: 20_000,
});

/** True once a stretch is long enough to close with a checkpoint. */
export function checkpointDue(limits: ReadLimits, bytesSinceCheckpoint: number, linesSinceCheckpoint: number): boolean {
  return bytesSinceCheckpoint >= limits.checkpointBytes || linesSinceCheckpoint >= limits.checkpointLines;
}
