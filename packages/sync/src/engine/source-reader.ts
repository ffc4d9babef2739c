import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { AdapterContext, AgentAdapter, ReadPosition, SourceRef } from '@rimuru/core';
import { ReadPool } from './read-pool.js';
import type { WorkerAdapterRef } from './read-worker-protocol.js';
import { stretchesOf, type Stretch } from './source-stretches.js';

/** How a sync may read sources in worker threads. */
export interface ReadWorkerOptions {
  /** Fewest new bytes, in sources a worker can read, for which starting workers pays off (default 8 MiB). */
  minBytes?: number;
  /** Worker threads (default: the machine's available parallelism, at most 4). */
  size?: number;
  /**
   * The app's worker entry: a built `.js` module that calls `serveReadWorker` with the app's
   * adapter registry (the engine has none of its own). When it does not exist, sources are
   * read in the calling thread.
   */
  entry: URL;
}

/** One source to read, at its place in the sync's order. */
export interface ReadItem {
  adapter: AgentAdapter;
  source: SourceRef;
  from: ReadPosition;
  /** New bytes to read (size − offset). */
  bytes: number;
}

/**
 * Below this, a sync (an incremental one, a hook's one transcript) is over before workers
 * would have loaded their modules: reading in the main thread is faster.
 */
export const DEFAULT_MIN_WORKER_BYTES = 8 * 1024 * 1024;
/** More threads than this only compete with the main thread, which writes the store. */
const MAX_WORKERS = 4;

/**
 * How a worker finds the adapter of a source: a plugin's module (`workerModule`), else the
 * built-in of its type in the app's registry (`readsOffThread`); null when only this thread can read it.
 */
function workerAdapterOf(adapter: AgentAdapter): WorkerAdapterRef | null {
  if (adapter.workerModule !== undefined) return { agentType: adapter.id, module: adapter.workerModule };
  return adapter.readsOffThread === true ? { agentType: adapter.id, module: null } : null;
}

/**
 * Reads one sync's sources as stretches, taken in the order they were added. Sources of
 * adapters a worker can read (`readsOffThread`, `workerModule`) go to worker threads once they
 * add up to enough new bytes to pay for starting them: the workers start as soon as planning
 * crosses that line (loading their modules while the rest is planned) and take every such
 * source added from then on. Everything else (other adapters, small syncs, a sync without a
 * worker entry) is read in the calling thread.
 */
export class SourceReader {
  private readonly items: ReadItem[] = [];
  /** Pool job of each item the workers read. */
  private readonly jobOf = new Map<number, number>();
  /** Items workers could read, waiting for enough of them to start the pool. */
  private waiting: number[] = [];
  private waitingBytes = 0;
  private pool: ReadPool | null = null;
  private readonly minBytes: number;

  constructor(
    private readonly ctx: AdapterContext,
    private options: ReadWorkerOptions | false = false,
  ) {
    this.minBytes = options === false ? Infinity : (options.minBytes ?? DEFAULT_MIN_WORKER_BYTES);
  }

  /** Adds the next source in read order. */
  add(item: ReadItem): void {
    const index = this.items.length;
    this.items.push(item);
    if (this.options === false) return;
    const adapter = workerAdapterOf(item.adapter);
    if (adapter === null) return;
    if (this.pool !== null) {
      this.jobOf.set(index, this.pool.add({ adapter, source: item.source, from: item.from, bytes: item.bytes }));
      return;
    }
    this.waiting.push(index);
    this.waitingBytes += item.bytes;
    if (this.waitingBytes >= this.minBytes) this.startPool(this.options);
  }

  private startPool(options: ReadWorkerOptions): void {
    const entry = options.entry;
    if (!existsSync(fileURLToPath(entry))) {
      this.ctx.logger.debug(`no read worker entry at ${fileURLToPath(entry)}; reading in the main thread`);
      this.options = false;
      return;
    }
    const size = Math.max(1, options.size ?? Math.min(MAX_WORKERS, availableParallelism()));
    let pool: ReadPool;
    try {
      pool = new ReadPool({ entry, size, ctx: this.ctx });
    } catch (error) {
      this.ctx.logger.debug(
        `read workers could not start (${error instanceof Error ? error.message : String(error)}); reading in the main thread`,
      );
      this.options = false;
      return;
    }
    this.ctx.logger.debug(
      `reading sources in ${size} worker threads (${(this.waitingBytes / 1048576).toFixed(1)} MiB new when they started)`,
    );
    this.pool = pool;
    for (const index of this.waiting) {
      const item = this.items[index]!;
      this.jobOf.set(
        index,
        pool.add({ adapter: workerAdapterOf(item.adapter)!, source: item.source, from: item.from, bytes: item.bytes }),
      );
    }
    this.waiting = [];
  }

  /** The stretches of the `index`-th source added; take sources in order, each to its end. */
  stretches(index: number): AsyncIterable<Stretch> {
    const job = this.jobOf.get(index);
    if (this.pool !== null && job !== undefined) return this.pool.stretches(job);
    const item = this.items[index];
    if (item === undefined) throw new RangeError(`no source ${index}`);
    return stretchesOf(item.adapter.read(item.source, item.from, this.ctx));
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
