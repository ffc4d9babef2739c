import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

/** Where an export goes: stdout, or a file written as it streams. */
export interface OutputTarget {
  stream: Writable;
  /** Flushes and closes a file; leaves stdout open. */
  close(): Promise<void>;
}

export function openOutput(path: string | undefined): OutputTarget {
  if (path === undefined || path === '-') {
    return { stream: process.stdout, close: async () => {} };
  }
  const stream = createWriteStream(path);
  return {
    stream,
    close: async () => {
      stream.end();
      await finished(stream);
    },
  };
}

/** Writes chunks honouring backpressure, so memory stays flat however much is exported. */
export async function writeAll(stream: Writable, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}
