import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { AdapterContext, ReadPosition, SourceRef } from '@rimuru/core';
import type {
  FromReadWorker,
  ReadWorkerData,
  ToReadWorker,
  WireStretch,
  WorkerAdapterRef,
} from './read-worker-protocol.js';
import type { Stretch } from './source-stretches.js';
import { decodeUsageBatch } from './usage-batch-codec.js';

/** One source the pool reads: the adapter a worker reads it with, what to read, and how many new bytes it holds. */
export interface PoolJob {
  adapter: WorkerAdapterRef;
  source: SourceRef;
  from: ReadPosition;
  bytes: number;
}

/** A worker could not read (all) of a job; the caller reads the rest in its own thread. */
export class WorkerReadFailure extends Error {
  override readonly name = 'WorkerReadFailure';
}

/**
 * Source bytes a worker is handed beyond what the main thread has taken from it: enough that
 * it never waits for the main thread to hand out the next source, while flow control (in the
 * worker) bounds the parsed results held in memory.
 */
const AHEAD_BYTES = 64 * 1024 * 1024;

/**
 * How long the main thread may go on taking queued stretches without letting the event loop
 * run: worker messages (new stretches, log lines) are only delivered when it does.
 */
const EVENT_LOOP_TURN_MS = 4;

/**
 * Taken stretches are acknowledged in groups (and always before the main thread waits): each
 * message wakes a worker thread, which on a two-core machine takes the core from the main thread.
 */
const ACK_EVERY_STRETCHES = 8;

interface JobState {
  readonly job: PoolJob;
  worker: ReaderThread | null;
  readonly queue: WireStretch[];
  done: boolean;
  failure: string | null;
  wake: (() => void) | null;
}

interface ReaderThread {
  readonly worker: Worker;
  alive: boolean;
  /** New bytes of the jobs it was handed that the main thread has not finished taking. */
  pendingBytes: number;
  readonly jobs: Set<number>;
  /** Taken stretches (and their events) not acknowledged yet. */
  unacked: { stretches: number; events: number };
}

export interface ReadPoolOptions {
  /** The app's worker entry: a built module that calls `serveReadWorker`. */
  entry: URL;
  size: number;
  ctx: AdapterContext;
}

function wireToStretch(wire: WireStretch): Stretch {
  return {
    usage: Array.isArray(wire.usage) ? wire.usage : decodeUsageBatch(wire.usage),
    activity: wire.activity,
    diagnostics: wire.diagnostics,
    checkpoint: wire.checkpoint,
  };
}

/**
 * A small young generation: parsing makes garbage that dies at once (each line's parsed
 * record), and the default sizes only let each worker's heap grow. Measured on a 1.1 GiB
 * import: peak RSS 250 → 210 MB, parse time unchanged.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Node options without export conditions (`--conditions x`, `-C x`, `--conditions=x`). */
function withoutConditions(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--conditions' || arg === '-C') i += 1;
    else if (!arg.startsWith('--conditions=') && !arg.startsWith('-C=')) kept.push(arg);
  }
  return kept;
}

/**
 * A worker with the parent's Node options, less its export conditions: a worker imports the
 * built adapters, and a development condition (a test runner's `--conditions @rimuru/source`)
 * would point their imports at TypeScript sources that plain Node cannot load. Options are
 * only passed explicitly when there is one to drop: given explicitly, process-wide options
 * (`--max-old-space-size`) make Node refuse the worker, so that case falls back to inheriting.
 */
function spawnWorker(entry: URL, options: WorkerOptions): Worker {
  const execArgv = withoutConditions(process.execArgv);
  if (execArgv.length !== process.execArgv.length) {
    try {
      return new Worker(entry, { ...options, execArgv });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    }
  }
  return new Worker(entry, options);
}

/**
 * Worker threads that read sources ahead of the main thread. Jobs are added in the order the
 * caller will take them and handed out in that order, each to the worker with the least
 * pending work; the caller takes each job's stretches with `stretches(job)`, one job after
 * another: the store sees exactly the sequence an in-thread read gives. A job whose worker
 * fails ends in a `WorkerReadFailure` after the stretches that arrived, so the caller can go
 * on from its last checkpoint.
 */
export class ReadPool {
  private readonly threads: ReaderThread[] = [];
  private readonly states: JobState[] = [];
  private nextJob = 0;
  private lastTurn = performance.now();

  /** Throws when a worker cannot be started (the caller then reads in its own thread). */
  constructor(private readonly options: ReadPoolOptions) {
    const data: ReadWorkerData = {
      homeDir: options.ctx.homeDir,
      env: { ...options.ctx.env },
      platform: options.ctx.platform,
    };
    try {
      for (let i = 0; i < options.size; i += 1) this.threads.push(this.spawn(data));
    } catch (error) {
      void this.close();
      throw error;
    }
  }

  /** Queues a job after the others; its number is what `stretches` takes. */
  add(job: PoolJob): number {
    this.states.push({ job, worker: null, queue: [], done: false, failure: null, wake: null });
    this.handOut();
    return this.states.length - 1;
  }

  private spawn(data: ReadWorkerData): ReaderThread {
    const worker = spawnWorker(this.options.entry, { workerData: data, resourceLimits: WORKER_LIMITS });
    const thread: ReaderThread = {
      worker,
      alive: true,
      pendingBytes: 0,
      jobs: new Set(),
      unacked: { stretches: 0, events: 0 },
    };
    worker.on('message', (message: FromReadWorker) => this.receive(message));
    // A worker that dies takes its unfinished jobs with it: they fail, and the caller reads them itself.
    worker.on('error', (error) => this.lose(thread, error.message));
    worker.on('exit', (code) => this.lose(thread, `read worker exited with code ${code}`));
    return thread;
  }

  private receive(message: FromReadWorker): void {
    if (message.type === 'log') {
      this.options.ctx.logger[message.level](message.message);
      return;
    }
    for (const item of message.items) {
      const state = this.states[item.job];
      if (state === undefined) continue;
      if ('stretch' in item) {
        state.queue.push(item.stretch);
      } else {
        if ('done' in item) state.done = true;
        else state.failure = item.failed;
        state.worker?.jobs.delete(item.job);
      }
      this.notify(state);
    }
  }

  private lose(thread: ReaderThread, reason: string): void {
    if (!thread.alive) return;
    thread.alive = false;
    for (const job of thread.jobs) {
      const state = this.states[job]!;
      state.failure ??= reason;
      this.notify(state);
    }
    thread.jobs.clear();
    this.handOut();
  }

  private notify(state: JobState): void {
    const wake = state.wake;
    state.wake = null;
    wake?.();
  }

  /** Hands out jobs in order while some worker has little pending; with no worker left, the rest fail. */
  private handOut(): void {
    while (this.nextJob < this.states.length) {
      let target: ReaderThread | null = null;
      for (const thread of this.threads) {
        if (thread.alive && (target === null || thread.pendingBytes < target.pendingBytes)) target = thread;
      }
      const state = this.states[this.nextJob]!;
      if (target === null) {
        state.failure ??= 'no read worker left';
        this.notify(state);
        this.nextJob += 1;
        continue;
      }
      if (target.pendingBytes >= AHEAD_BYTES) return;
      state.worker = target;
      target.pendingBytes += state.job.bytes;
      target.jobs.add(this.nextJob);
      const message: ToReadWorker = {
        type: 'read',
        job: this.nextJob,
        adapter: state.job.adapter,
        source: state.job.source,
        from: state.job.from,
      };
      target.worker.postMessage(message);
      this.nextJob += 1;
    }
  }

  /** The stretches of job `index`; take jobs in order, each to its end (or its failure). */
  async *stretches(index: number): AsyncGenerator<Stretch> {
    const state = this.states[index];
    if (state === undefined) throw new RangeError(`no read job ${index}`);
    try {
      for (;;) {
        const wire = state.queue.shift();
        if (wire !== undefined) {
          if (state.worker !== null) this.taken(state.worker, wire.events);
          if (performance.now() - this.lastTurn > EVENT_LOOP_TURN_MS) await this.turn();
          yield wireToStretch(wire);
          continue;
        }
        if (state.failure !== null) throw new WorkerReadFailure(state.failure);
        if (state.done) return;
        // About to wait: no worker may be held back by stretches it does not know were taken.
        for (const thread of this.threads) this.acknowledge(thread);
        await new Promise<void>((resolve) => {
          state.wake = resolve;
        });
        this.lastTurn = performance.now();
      }
    } finally {
      if (state.worker !== null) state.worker.pendingBytes -= state.job.bytes;
      this.handOut();
    }
  }

  private taken(thread: ReaderThread, events: number): void {
    thread.unacked.stretches += 1;
    thread.unacked.events += events;
    if (thread.unacked.stretches >= ACK_EVERY_STRETCHES) this.acknowledge(thread);
  }

  private acknowledge(thread: ReaderThread): void {
    const { stretches, events } = thread.unacked;
    if (stretches === 0) return;
    thread.unacked = { stretches: 0, events: 0 };
    const consumed: ToReadWorker = { type: 'consumed', stretches, events };
    if (thread.alive) thread.worker.postMessage(consumed);
  }

  private async turn(): Promise<void> {
    await nextTurn();
    this.lastTurn = performance.now();
  }

  /** Stops every worker; safe to call more than once. */
  async close(): Promise<void> {
    const running = this.threads.filter((t) => t.alive);
    for (const thread of running) thread.alive = false;
    await Promise.all(running.map((t) => t.worker.terminate()));
  }
}
