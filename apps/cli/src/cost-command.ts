import type { UsageBreakdownQuery } from '@rimuru/db';
import { costReportAnswer } from './answers/cost-report.js';
import { planReturnsOf } from './answers/plan-returns.js';
import { ReadCommand } from './read-command.js';
import type { Runtime } from './runtime.js';
import { renderCostReport } from './render/cost-report.js';
import type { Command } from '@oclif/core';

type CostQuery = Omit<UsageBreakdownQuery, 'from' | 'to'>;

/** The shared run of every `rimuru costs …` command: range → grouped usage → report. */
export abstract class CostCommand<T extends typeof Command> extends ReadCommand<T> {
  protected async report(
    rangeName: string,
    query: CostQuery | ((runtime: Runtime) => Promise<CostQuery>),
    title: (range: { name: string }) => string,
    options: { plans?: boolean } = {},
  ): Promise<void> {
    const { runtime, settings } = await this.prepare();
    if (typeof query === 'function') query = await query(runtime);
    const { range, label } = this.timeWindow(settings, rangeName);
    const report = await costReportAnswer(runtime.store, settings, { ...query, range });
    // Plans (subscriptions) sit beside the report: its rows and totals stay as they are.
    const plans = options.plans
      ? await planReturnsOf(runtime, this.config, settings, range, { agentTypes: query.agentTypes, hosts: query.hosts })
      : { fields: {}, lines: [] };
    if (settings.json) this.printJson({ ...report, ...plans.fields });
    else {
      this.log(
        renderCostReport(report, {
          title: title({ name: label }),
          label: query.groupBy === 'model' ? 'Model' : 'Agent',
          color: this.useColor,
          width: this.tableWidth,
          planLines: plans.lines,
        }),
      );
    }
  }
}
