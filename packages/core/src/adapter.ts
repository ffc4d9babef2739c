import type { AdapterEvent, JsonValue } from './adapter-event.js';
import type { AgentType } from './agent-type.js';

export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}

/** Everything an adapter may know about the machine, injected so tests never touch the real home. */
export interface AdapterContext {
  homeDir: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  now(): Date;
  logger: Logger;
}

/**
 * A source an adapter reads. `append` sources are files that only grow (JSONL transcripts):
 * the engine tracks a byte offset and detects truncation or rewrite. `snapshot` sources are
 * re-read whole when they change (SQLite stores of IDEs, JSON documents rewritten in place),
 * from offset 0 with the state their previous read's last checkpoint left (null the first time).
 */
export interface SourceRef {
  path: string;
  mode: 'append' | 'snapshot';
}

/** Where the previous read of a source stopped. `offset` 0 and `state` null read from the start. */
export interface ReadPosition {
  offset: number;
  state: JsonValue | null;
}

/** Where a worker thread can import an adapter again (see `AgentAdapter.workerModule`). */
export interface AdapterModuleRef {
  /**
   * What the worker imports: a package name (the built-in adapters are dependencies of the
   * sync engine, whose worker resolves it) or the `file:` URL of a built `.js` module. A name,
   * not the module's own `import.meta.url`: that names a bundle chunk once an app is bundled.
   */
  specifier: string;
  /** The name the module exports the adapter under. */
  exportName: string;
}

export interface AgentAdapter {
  readonly id: AgentType;
  readonly label: string;
  /** True when this machine has any data of the agent. */
  detect(ctx: AdapterContext): Promise<boolean>;
  /** The data roots the adapter looks in (for `rimuru agents` and diagnostics). */
  roots(ctx: AdapterContext): Promise<string[]>;
  /** Every source, in a deterministic order. */
  discover(ctx: AdapterContext): Promise<SourceRef[]>;
  /**
   * Events of the source from `from` on. Yields a checkpoint after each complete stretch; a
   * partial last line is never consumed.
   */
  read(source: SourceRef, from: ReadPosition, ctx: AdapterContext): AsyncIterable<AdapterEvent>;
  /**
   * Optional: where a worker thread can import this same adapter, so the sync engine may read
   * a large import's sources off the main thread. Only for adapters whose `read` uses nothing of
   * `ctx` but `homeDir`, `env`, `platform` and `logger`: a worker gets copies of those, its own
   * clock, and a logger that forwards to the main thread's.
   */
  readonly workerModule?: AdapterModuleRef;
}
