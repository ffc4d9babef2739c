import type { FileHandle } from 'node:fs/promises';

/** One complete line: its bytes without the `\n` (and without a trailing `\r`). */
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
 * Splits a file into lines from byte `start`, one batch per chunk read, so the caller
 * processes lines synchronously instead of paying an await per line. A line that spans
 * chunks is joined once; a line over `maxLineBytes` is dropped piece by piece (never held
 * whole). A last line without `\n` is never yielded: the agent may still be appending it,
 * and the next read starts there.
 */
export async function* splitLines(handle: FileHandle, options: SplitOptions): AsyncGenerator<SplitItem[]> {
  const { chunkSize, maxLineBytes } = options;
  let position = options.start;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let discarding = false;
  let discardedLength = 0;
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
          pending.push(rest);
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
  }
}
