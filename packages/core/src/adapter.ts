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

/**
 * Where a worker thread can import a plugin's adapter (see `AgentAdapter.workerModule`; a
 * built-in adapter sets `readsOffThread` instead).
 */
export interface AdapterModuleRef {
  /**
   * What the worker imports: the `file:` URL of a built `.js` module. Not the module's own
   * `import.meta.url` once the plugin is bundled (that names a bundle chunk), and not a package
   * name: the app's worker entry, which resolves it, need not have the plugin as a dependency.
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
   * Optional, for built-in adapters: true when the sync engine may run this adapter's `read` in
   * a worker thread, to read a large import's sources off the main thread. The worker finds the
   * adapter by its `id` in the app's registry of built-in adapters (the app's worker entry), so
   * only an adapter registered there under that id may set it. Only for adapters whose `read`
   * uses nothing of `ctx` but `homeDir`, `env`, `platform` and `logger` (a worker gets copies of
   * those, its own clock, and a logger that forwards to the main thread's), and keeps no state
   * between sources that another source's read, or `discover`, must see.
   */
  readonly readsOffThread?: boolean;
  /**
   * Optional, for plugin adapters (which no app's registry knows): where a worker thread can
   * import this same adapter, so the sync engine may read its sources off the main thread. The
   * same rules as `readsOffThread`; when both are set, the worker imports this module.
   */
  readonly workerModule?: AdapterModuleRef;
}
