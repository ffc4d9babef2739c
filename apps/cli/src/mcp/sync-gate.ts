/**
 * Runs the server's incremental syncs one at a time. A call that arrives while a sync runs
 * waits for the next one (which may see lines written after the running one started), shared
 * with every call that arrived meanwhile: a burst of calls costs at most two syncs.
 */
export class SyncGate {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly sync: () => Promise<void>) {}

  /** Resolves once a sync that started after this call has finished; rejects with its error. */
  synced(): Promise<void> {
    const running = this.running;
    if (running === null) return this.start();
    this.next ??= running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<void> {
    const run = (async () => {
      try {
        await this.sync();
      } finally {
        this.running = null;
      }
    })();
    this.running = run;
    return run;
  }
}
