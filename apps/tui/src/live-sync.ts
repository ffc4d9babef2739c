import { bundledPriceTable, priceOverridesFromConfig } from '@rimuru/core';
import { syncAll, type ReadWorkerOptions, type SyncSummary } from '@rimuru/sync';
import type { TuiRuntime } from './tui-runtime.js';

/**
 * Where a large sync's read workers start: `@rimuru/app-runtime/read-worker`, resolved from the
 * TUI's own dependencies (the TUI runs unbundled, from dist/). Not resolvable (a test runner
 * that gives no `import.meta.resolve`): the sync reads in its own thread.
 */
function tuiReadWorkers(): ReadWorkerOptions | false {
  try {
    return { entry: new URL(import.meta.resolve('@rimuru/app-runtime/read-worker')) };
  } catch {
    return false;
  }
}

export interface LiveSyncEvents {
  onSynced(summary: SyncSummary): void;
  onError(error: unknown): void;
}

/**
 * Incremental sync in the background, one run at a time: the next run is scheduled when the
 * previous one ends, so a slow sync never piles up. `syncNow` (the `r` key) joins a running sync.
 */
export class LiveSync {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly rt: TuiRuntime,
    private readonly events: LiveSyncEvents,
  ) {}

  start(): void {
    if (this.rt.syncIntervalMs > 0) this.schedule(0);
  }

  syncNow(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops scheduling and waits for a running sync to finish its transaction. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.syncNow().finally(() => this.schedule(this.rt.syncIntervalMs));
    }, delay);
    // The TUI's input keeps the process alive; the timer alone must not.
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    try {
      const summary = await syncAll({
        store: this.rt.store,
        adapters: this.rt.adapters,
        ctx: this.rt.ctx,
        host: this.rt.host,
        prices: bundledPriceTable(),
        // User prices from the config win over bundled ones, exactly as in `rimuru sync`.
        priceOverrides: priceOverridesFromConfig(this.rt.config.prices),
        readWorkers: tuiReadWorkers(),
      });
      if (!this.stopped) this.events.onSynced(summary);
    } catch (error) {
      if (!this.stopped) this.events.onError(error);
    }
  }
}
