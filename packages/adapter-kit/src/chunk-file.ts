import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isMainThread } from 'node:worker_threads';

/** The file operations a chunked line read needs. */
export interface ChunkFile {
  /** The file's size now (it may still grow). */
  size(): Promise<number>;
  /** Reads up to `length` bytes at `position` into the start of `buffer`; the count read, 0 at the end. */
  read(buffer: Buffer, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

function asyncFile(path: string): Promise<ChunkFile> {
  return open(path, 'r').then((handle) => ({
    size: async () => (await handle.stat()).size,
    read: async (buffer, length, position) => (await handle.read(buffer, 0, length, position)).bytesRead,
    close: () => handle.close(),
  }));
}

function blockingFile(path: string): ChunkFile {
  const fd = openSync(path, 'r');
  let open = true;
  /* eslint-disable @typescript-eslint/require-await -- blocking calls behind ChunkFile's promises: `async` turns a throw into a rejection, as the asynchronous file's calls do */
  return {
    size: async () => fstatSync(fd).size,
    read: async (buffer, length, position) => readSync(fd, buffer, 0, length, position),
    close: async () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
  /* eslint-enable @typescript-eslint/require-await */
}

/**
 * Opens `path` for a chunked read. On the main thread, asynchronously: other work (a progress
 * bar, a watcher, the store) shares its event loop. In a worker thread, with blocking calls:
 * nothing else waits on that thread, and a read served from the page cache takes a few
 * microseconds where the thread-pool round trip of an asynchronous one takes far longer, four
 * times per file (open, stat, read, close), which adds up over thousands of small transcripts.
 */
export async function openChunkFile(path: string): Promise<ChunkFile> {
  return isMainThread ? asyncFile(path) : blockingFile(path);
}
