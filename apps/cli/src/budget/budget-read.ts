import { budgetStatuses } from '@rimuru/app-runtime';
import type { BudgetStatus } from '@rimuru/core';
import type { ReadSettings } from '../read-command.js';
import type { Runtime } from '../runtime.js';

/** Every budget's standing at the command's `now`, in its zone and cost mode (auto by default). */
export function readBudgetStatuses(
  runtime: Runtime,
  settings: Pick<ReadSettings, 'now' | 'zone' | 'costMode'>,
): Promise<BudgetStatus[]> {
  return budgetStatuses(runtime.store, { now: settings.now, timeZone: settings.zone, costMode: settings.costMode });
}
