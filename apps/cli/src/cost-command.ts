import { resolveTimeRange, type TimeRange } from '@rimuru/core';
import type { UsageBreakdownQuery } from '@rimuru/db';
import { ReadCommand } from './read-command.js';
import { buildCostReport, renderCostReport } from './render/cost-report.js';
import type { Command } from '@oclif/core';

/** The shared run of every `rimuru costs …` command: range → grouped usage → report. */
export abstract class CostCommand<T extends typeof Command> extends ReadCommand<T> {
  protected async report(
    rangeName: string,
    query: Omit<UsageBreakdownQuery, 'from' | 'to'>,
    title: (range: TimeRange) => string,
  ): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const range = resolveTimeRange(rangeName, { zone: settings.zone, now: settings.now });
    const groups = await runtime.store.usage.breakdown({ ...query, from: range.from ?? undefined, to: range.to ?? undefined });
    const report = buildCostReport(range, groups, query.groupBy, settings.costMode);
    if (settings.json) this.printJson(report);
    else {
      this.log(
        renderCostReport(report, {
          title: title(range),
          label: query.groupBy === 'model' ? 'Model' : 'Agent',
          color: this.useColor,
        }),
      );
    }
  }
}
