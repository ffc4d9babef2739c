import type { FileHandle } from 'node:fs/promises';

/** One complete line without its `\n` (and without a trailing `\r`). */
export interface RawLine {
  kind: 'line';
  bytes: Buffer;
  /** 1-based count of lines since the read started. */
  number: number;
  /** File offset just past this line's `\n`: a safe resume point. */
  end: number;
}

/** A complete line longer than the limit: its bytes were dropped as they streamed past. */
export interface OversizedLine {
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

/**
 * Splits a file into complete lines from byte `start`, one batch per chunk read (no await
 * per line). A line spanning chunks is joined once; an oversized one is dropped piece by
 * piece, never held whole. A last line without `\n` is never yielded: Codex may still be
 * writing it, and the next read starts there.
 */
export async function* splitLines(handle: FileHandle, options: SplitOptions): AsyncGenerator<SplitItem[]> {
  const { chunkSize, maxLineBytes } = options;
  let position = options.start;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let discarding = false;
  let lineCount = 0;

  for (;;) {
    // A fresh buffer per chunk: yielded lines are views into it and must stay valid.
    const buffer = Buffer.allocUnsafe(chunkSize);
    const { bytesRead } = await handle.read(buffer, 0, chunkSize, position);
    if (bytesRead === 0) return;
    const chunk = buffer.subarray(0, bytesRead);
    const chunkStart = position;
    position += bytesRead;

    const batch: SplitItem[] = [];
    let from = 0;
    while (from < chunk.length) {
      const newline = chunk.indexOf(LF, from);
      const pieceEnd = newline === -1 ? chunk.length : newline;
      const pieceLength = pieceEnd - from;
      if (!discarding && pendingLength + pieceLength > maxLineBytes) {
        discarding = true;
        pending = [];
      }
      if (newline === -1) {
        if (!discarding) pending.push(chunk.subarray(from));
        pendingLength += pieceLength;
        break;
      }
      lineCount += 1;
      const end = chunkStart + newline + 1;
      if (discarding) {
        batch.push({ kind: 'too-long', number: lineCount, end, length: pendingLength + pieceLength });
      } else {
        const piece = chunk.subarray(from, newline);
        let bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece], pendingLength + pieceLength);
        if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
        batch.push({ kind: 'line', bytes, number: lineCount, end });
      }
      pending = [];
      pendingLength = 0;
      discarding = false;
      from = newline + 1;
    }
    if (batch.length > 0) yield batch;
  }
}
