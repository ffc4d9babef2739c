import { budgetStatuses } from '@rimuru/app-runtime';
import { BudgetAlertTracker, budgetAlertLine } from '@rimuru/core';
import type { Runtime } from '../runtime.js';
import type { DesktopNotify } from './desktop-notify.js';

/** With no new data, budgets are still looked at this often (a budget set meanwhile, a lowered cap). */
const IDLE_CHECK_MS = 60_000;

/**
 * `rimuru watch`'s budget alerts: after a sync, every budget's status is read and each crossing
 * of 80 % or 100 % is printed once (and shown as a desktop notification with --notify). Checks
 * run one after another; a failed one is reported and the next one tries again.
 */
export class BudgetAlertsLoop {
  private readonly tracker = new BudgetAlertTracker();
  private queue: Promise<void> = Promise.resolve();
  private lastCheck = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly runtime: Runtime,
    private readonly options: {
      zone: string;
      notify: DesktopNotify | null;
      write: (line: string) => void;
      warn: (error: unknown) => void;
    },
  ) {}

  /** Queues a check when data came in, or when the last one is a while ago. */
  afterSync(newData: boolean): void {
    if (!newData && Date.now() - this.lastCheck < IDLE_CHECK_MS) return;
    this.check();
  }

  check(): void {
    this.lastCheck = Date.now();
    this.queue = this.queue.then(() => this.run()).catch((error: unknown) => this.options.warn(error));
  }

  /** Resolves once every queued check has finished. */
  settled(): Promise<void> {
    return this.queue;
  }

  private async run(): Promise<void> {
    const now = this.runtime.ctx.now();
    const statuses = await budgetStatuses(this.runtime.store, { now, timeZone: this.options.zone });
    for (const alert of this.tracker.update(statuses)) {
      const line = budgetAlertLine(alert);
      this.options.write(`[${now.toISOString()}] ${line}`);
      this.options.notify?.(
        alert.level === 'exceeded' ? 'Rimuru: budget exceeded' : 'Rimuru: budget at 80%',
        line,
        alert.level === 'exceeded',
      );
    }
  }
}
