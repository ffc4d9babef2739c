import { InternalError, RimuruError } from '@rimuru/core';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { AdapterContext, AdapterModuleRef, AgentAdapter } from '@rimuru/core';
import {
  MAX_EVENTS_AHEAD,
  MAX_STRETCHES_AHEAD,
  NEWS_EVENTS,
  type FromReadWorker,
  type JobNews,
  type ReadJobMessage,
  type ReadWorkerData,
  type WorkerAdapterRef,
  type ToReadWorker,
  type WireStretch,
} from './read-worker-protocol.js';
import { stretchesOf, type Stretch } from './source-stretches.js';
import { encodeUsageBatch } from './usage-batch-codec.js';

/**
 * Finds the adapter a worker reads a job with, given the job's agent type: what an app's worker
 * entry passes to `serveReadWorker` (a lookup in its registry of built-in adapters). Returns
 * null (or throws) when the entry serves no such adapter: the job then fails, and the main
 * thread reads that source itself.
 */
export type FindWorkerAdapter = (
  agentType: string,
) => AgentAdapter | null | undefined | Promise<AgentAdapter | null | undefined>;

/**
 * Serves read jobs in a worker thread: reads the sources the main thread sends (see
 * `ReadPool`) with the adapter `findAdapter` returns for each job's agent type, or the module a
 * plugin adapter names (`workerModule`), and posts each stretch back in order, pausing while
 * the main thread is behind. Parsing here lets the main thread spend its time on the store.
 *
 * The engine has no worker entry of its own (it knows no adapters): each app provides one that
 * calls this with its registry, and passes its URL to `syncAll` (`readWorkers.entry`).
 */
export function serveReadWorker(findAdapter: FindWorkerAdapter): void {
  const port = parentPort;
  if (port === null) throw new InternalError('serveReadWorker runs only in a worker thread');
  serve(port, workerData as ReadWorkerData, findAdapter);
}

/** Imports the adapter a plugin names as its `workerModule`. */
async function importAdapter(ref: AdapterModuleRef): Promise<AgentAdapter> {
  const module = (await import(ref.specifier)) as Record<string, unknown>;
  const adapter = module[ref.exportName] as AgentAdapter | undefined;
  if (typeof adapter?.read !== 'function')
    throw new RimuruError('CONFIG_ERROR', `${ref.specifier} exports no adapter named ${ref.exportName}`);
  return adapter;
}

async function findServed(findAdapter: FindWorkerAdapter, agentType: string): Promise<AgentAdapter> {
  const adapter = await findAdapter(agentType);
  if (typeof adapter?.read !== 'function')
    throw new InternalError(`this read worker serves no adapter for agent type ${agentType}`);
  return adapter;
}

/**
 * Longest a stretch waits in a worker: the main thread may be waiting for exactly that one.
 * Checked as news is added (reads here block, so while there is work the event loop, and any
 * timer, does not run) and by a timer for the gaps between jobs.
 */
const NEWS_MAX_AGE_MS = 10;

function toWire(stretch: Stretch): WireStretch {
  return {
    usage: encodeUsageBatch(stretch.usage) ?? stretch.usage,
    activity: stretch.activity,
    diagnostics: stretch.diagnostics,
    checkpoint: stretch.checkpoint,
    events:
      stretch.usage.length +
      stretch.activity.length +
      stretch.diagnostics.length +
      (stretch.checkpoint === null ? 0 : 1),
  };
}

function serve(port: MessagePort, data: ReadWorkerData, findAdapter: FindWorkerAdapter): void {
  const post = (message: FromReadWorker): void => port.postMessage(message);

  const ctx: AdapterContext = {
    homeDir: data.homeDir,
    env: data.env,
    platform: data.platform,
    now: () => new Date(),
    logger: {
      debug: (message) => post({ type: 'log', level: 'debug', message }),
      warn: (message) => post({ type: 'log', level: 'warn', message }),
    },
  };

  const adapters = new Map<string, Promise<AgentAdapter>>();

  function adapterFor(ref: WorkerAdapterRef): Promise<AgentAdapter> {
    const key = ref.module === null ? ref.agentType : `${ref.module.specifier}#${ref.module.exportName}`;
    let adapter = adapters.get(key);
    if (adapter === undefined) {
      adapter = ref.module === null ? findServed(findAdapter, ref.agentType) : importAdapter(ref.module);
      adapters.set(key, adapter);
    }
    return adapter;
  }

  // News gathered for the next message, since when, and a timer that sends it when nothing else does.
  let news: JobNews[] = [];
  let newsEvents = 0;
  let newsSince = 0;
  let newsTimer: NodeJS.Timeout | null = null;

  function sendNews(): void {
    if (newsTimer !== null) clearTimeout(newsTimer);
    newsTimer = null;
    if (news.length === 0) return;
    post({ type: 'news', items: news });
    news = [];
    newsEvents = 0;
  }

  function tell(item: JobNews, events: number): void {
    const now = performance.now();
    if (news.length === 0) newsSince = now;
    news.push(item);
    newsEvents += events;
    if (newsEvents >= NEWS_EVENTS || now - newsSince >= NEWS_MAX_AGE_MS) sendNews();
    else newsTimer ??= setTimeout(sendNews, NEWS_MAX_AGE_MS);
  }

  // Flow control: stretches and events told to the main thread that it has not taken yet.
  let stretchesAhead = 0;
  let eventsAhead = 0;
  let wake: (() => void) | null = null;

  async function roomFor(events: number): Promise<void> {
    while (stretchesAhead > 0 && (stretchesAhead >= MAX_STRETCHES_AHEAD || eventsAhead + events > MAX_EVENTS_AHEAD)) {
      // The main thread can only make room for stretches it has received.
      sendNews();
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }

  async function runJob(job: ReadJobMessage): Promise<void> {
    try {
      const adapter = await adapterFor(job.adapter);
      for await (const stretch of stretchesOf(adapter.read(job.source, job.from, ctx))) {
        const wire = toWire(stretch);
        await roomFor(wire.events);
        stretchesAhead += 1;
        eventsAhead += wire.events;
        tell({ job: job.job, stretch: wire }, wire.events);
      }
      tell({ job: job.job, done: true }, 0);
    } catch (error) {
      tell({ job: job.job, failed: error instanceof Error ? error.message : String(error) }, 0);
    }
  }

  const queue: ReadJobMessage[] = [];
  let running = false;

  async function runQueue(): Promise<void> {
    running = true;
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) await runJob(job);
    running = false;
    // Idle: whatever is gathered is all the main thread will get until it sends more work.
    sendNews();
  }

  port.on('message', (message: ToReadWorker) => {
    if (message.type === 'consumed') {
      stretchesAhead -= message.stretches;
      eventsAhead -= message.events;
      const resume = wake;
      wake = null;
      resume?.();
      return;
    }
    queue.push(message);
    if (!running) void runQueue();
  });
}
