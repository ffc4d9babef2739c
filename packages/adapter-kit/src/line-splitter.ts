import type { ChunkFile } from './chunk-file.js';

/** One complete line: its bytes without the `\n` (and without a trailing `\r`). */
interface RawLine {
  kind: 'line';
  bytes: Buffer;
  /** 1-based count of lines since the read started. */
  number: number;
  /** File offset just past this line's `\n`: a safe resume point. */
  end: number;
}

/** A complete line longer than the limit: its bytes were dropped as they streamed past. */
interface OversizedLine {
  kind: 'too-long';
  number: number;
  end: number;
  length: number;
}

export type SplitItem = RawLine | OversizedLine;

export interface SplitOptions {
  start: number;
  chunkSize: number;
  maxLineBytes: number;
}

const LF = 0x0a;
const CR = 0x0d;
/** Smallest read once the file's known size is used up: a file that grew since it was measured is still read in one go. */
const MIN_READ = 64 * 1024;

/**
 * Chunk buffers kept for reuse, per size: a fresh multi-MiB buffer per read costs page faults
 * and garbage collection of outside-heap memory (reading a first import into fresh buffers
 * took two to three times as long as into reused ones). Two per size cover reads that
 * interleave; more are left to the garbage collector.
 */
const spareBuffers = new Map<number, Buffer[]>();
const MAX_SPARE_BUFFERS = 2;

function takeBuffer(size: number): Buffer {
  return spareBuffers.get(size)?.pop() ?? Buffer.allocUnsafe(size);
}

function returnBuffer(buffer: Buffer): void {
  const spare = spareBuffers.get(buffer.length) ?? [];
  if (spare.length < MAX_SPARE_BUFFERS) spare.push(buffer);
  spareBuffers.set(buffer.length, spare);
}

/**
 * Splits a file into lines from byte `start`, one batch per chunk read, so the caller
 * processes lines synchronously instead of paying an await per line. A line that spans
 * chunks is joined once; a line over `maxLineBytes` is dropped piece by piece (never held
 * whole). A last line without `\n` is never yielded: the agent may still be appending it,
 * and the next read starts there. Reads are sized to what the file holds (a small transcript
 * costs one small read, not a full chunk), and a short read ends the pass: the file ended
 * there when it was read, and whatever the agent appends later is read next time.
 * Yielded lines stay valid for good (see `splitLinesTransient` for the faster variant).
 */
export function splitLines(file: ChunkFile, options: SplitOptions): AsyncGenerator<SplitItem[]> {
  return split(file, options, false);
}

/**
 * `splitLines` reading every chunk into one reused buffer: a batch's lines are views into it
 * that stay valid only until the next batch is requested, so the caller must be done with a
 * batch (parsed every line it wants) before it asks for the next.
 */
export function splitLinesTransient(file: ChunkFile, options: SplitOptions): AsyncGenerator<SplitItem[]> {
  return split(file, options, true);
}

async function* split(file: ChunkFile, options: SplitOptions, reuse: boolean): AsyncGenerator<SplitItem[]> {
  const { chunkSize, maxLineBytes } = options;
  let position = options.start;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let discarding = false;
  let discardedLength = 0;
  let lineCount = 0;

  const size = await file.size();
  const shared = reuse ? takeBuffer(chunkSize) : null;
  try {
    for (;;) {
      const wanted = Math.min(chunkSize, Math.max(size - position, MIN_READ));
      // Without reuse, a fresh buffer per chunk: yielded lines are views into it and must stay valid.
      const buffer = shared ?? Buffer.allocUnsafe(wanted);
      const bytesRead = await file.read(buffer, wanted, position);
      if (bytesRead === 0) return;
      const chunk = buffer.subarray(0, bytesRead);
      const chunkStart = position;
      position += bytesRead;
      const batch: SplitItem[] = [];
      let from = 0;
      while (from < chunk.length) {
        const newline = chunk.indexOf(LF, from);
        if (newline === -1) {
          const rest = chunk.subarray(from);
          if (discarding) {
            discardedLength += rest.length;
          } else if (pendingLength + rest.length > maxLineBytes) {
            discarding = true;
            discardedLength = pendingLength + rest.length;
            pending = [];
            pendingLength = 0;
          } else {
            // The reused buffer is overwritten by the next read: keep a copy of the line's start.
            pending.push(shared === null ? rest : Buffer.from(rest));
            pendingLength += rest.length;
          }
          break;
        }
        const piece = chunk.subarray(from, newline);
        const end = chunkStart + newline + 1;
        lineCount += 1;
        from = newline + 1;
        if (discarding) {
          batch.push({ kind: 'too-long', number: lineCount, end, length: discardedLength + piece.length });
          discarding = false;
          discardedLength = 0;
          continue;
        }
        let bytes = piece;
        if (pendingLength > 0) {
          bytes = Buffer.concat([...pending, piece], pendingLength + piece.length);
          pending = [];
          pendingLength = 0;
        }
        if (bytes.length > maxLineBytes) {
          batch.push({ kind: 'too-long', number: lineCount, end, length: bytes.length });
          continue;
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
        batch.push({ kind: 'line', bytes, number: lineCount, end });
      }
      if (batch.length > 0) yield batch;
      if (bytesRead < wanted) return;
    }
  } finally {
    if (shared !== null) returnBuffer(shared);
  }
}
