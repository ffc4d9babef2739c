import type {
  AdapterDiagnostic,
  AdapterModuleRef,
  CheckpointEvent,
  ReadPosition,
  SessionActivity,
  SourceRef,
  UsageEvent,
} from '@rimuru/core';
import type { UsageColumns } from './usage-batch-codec.js';

/** What every read worker is started with: the data part of the main thread's adapter context. */
export interface ReadWorkerData {
  homeDir: string;
  env: Record<string, string | undefined>;
  platform: string;
}

/**
 * Which adapter a worker reads a job with: a plugin's `workerModule`, which the worker imports,
 * or else the adapter the worker's entry serves for the agent type (a built-in that
 * `readsOffThread`, from the app's registry).
 */
export interface WorkerAdapterRef {
  agentType: string;
  module: AdapterModuleRef | null;
}

/** Main → worker: read one source (jobs run one after another, in the order sent). */
export interface ReadJobMessage {
  type: 'read';
  job: number;
  adapter: WorkerAdapterRef;
  source: SourceRef;
  from: ReadPosition;
}

/** Main → worker: the main thread took `stretches` stretches holding `events` events; the worker may send more. */
interface ConsumedMessage {
  type: 'consumed';
  stretches: number;
  events: number;
}

export type ToReadWorker = ReadJobMessage | ConsumedMessage;

/** A stretch on the wire: usage in `encodeUsageBatch` columns when it fits, else the objects. */
export interface WireStretch {
  usage: UsageColumns | UsageEvent[];
  activity: SessionActivity[];
  diagnostics: AdapterDiagnostic[];
  checkpoint: CheckpointEvent | null;
  /** Events in the stretch: what the flow control counts. */
  events: number;
}

/** One job's news: a stretch, its end, or its failure (the adapter threw, or its module did not load). */
export type JobNews =
  { job: number; stretch: WireStretch } | { job: number; done: true } | { job: number; failed: string };

export type FromReadWorker =
  /**
   * News in the order it happened, gathered into one message: every message wakes the main
   * thread, and a sync of many small sources would otherwise send thousands.
   */
  { type: 'news'; items: JobNews[] } | { type: 'log'; level: 'debug' | 'warn'; message: string };

/**
 * Flow control: a worker stops reading while this many stretches, or this many events, wait
 * for the main thread (it may always send one). Bounds memory however far parsing runs ahead
 * of the store, while leaving the workers enough room to keep busy.
 */
export const MAX_STRETCHES_AHEAD = 64;
export const MAX_EVENTS_AHEAD = 50_000;

/** A worker sends its gathered news once it holds this many events (or sooner: see the worker). */
export const NEWS_EVENTS = 4096;
