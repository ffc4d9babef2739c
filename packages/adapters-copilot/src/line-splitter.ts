import type { FileHandle } from 'node:fs/promises';

/** One complete line: its bytes without `\n` (and without a trailing `\r`). */
export interface CompleteLine {
  kind: 'line';
  bytes: Buffer;
  /** 1-based count of lines since the read started. */
  number: number;
  /** File offset just past this line's `\n`: a safe resume point. */
  end: number;
}

/** A complete line over the size limit: its bytes were dropped as they streamed past. */
export interface OversizedLine {
  kind: 'too-long';
  number: number;
  end: number;
  length: number;
}

export type SplitItem = CompleteLine | OversizedLine;

export interface SplitOptions {
  start: number;
  chunkSize: number;
  maxLineBytes: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a file into `\n`-terminated lines from byte `start`, one batch per chunk read. A
 * last line without `\n` is never yielded: the Copilot CLI may still be appending it. A line
 * over `maxLineBytes` is dropped piece by piece instead of being held in memory whole.
 */
export async function* splitLines(handle: FileHandle, options: SplitOptions): AsyncGenerator<SplitItem[]> {
  const { chunkSize, maxLineBytes } = options;
  let position = options.start;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let discardedLength = -1; // >= 0 while dropping an oversized line
  let count = 0;

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
        if (discardedLength >= 0) {
          discardedLength += rest.length;
        } else if (pendingLength + rest.length > maxLineBytes) {
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
      count += 1;
      from = newline + 1;
      if (discardedLength >= 0) {
        batch.push({ kind: 'too-long', number: count, end, length: discardedLength + piece.length });
        discardedLength = -1;
        continue;
      }
      let bytes = piece;
      if (pendingLength > 0) {
        bytes = Buffer.concat([...pending, piece], pendingLength + piece.length);
        pending = [];
        pendingLength = 0;
      }
      if (bytes.length > maxLineBytes) {
        batch.push({ kind: 'too-long', number: count, end, length: bytes.length });
        continue;
      }
      if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
      batch.push({ kind: 'line', bytes, number: count, end });
    }
    if (batch.length > 0) yield batch;
  }
}
