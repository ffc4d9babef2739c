import { formatUsd, resolveTimeRange, RANGE_NAMES } from '@rimuru/core';
import { costReportAnswer } from '../../answers/cost-report.js';
import type { CostReportJson } from '../../render/cost-report.js';
import { enumOf, objectOf } from '../json-schema.js';
import { costReportSchema } from '../answer-schemas.js';
import { defineTool } from '../tool.js';
import { agentTypeInput, viewInputs, type ViewArgs } from '../tool-input.js';

interface CostsSummaryArgs extends ViewArgs {
  range?: string;
  agentType?: string[];
}

const DEFAULT_RANGE = '7d';

/** `rimuru costs summary --format json`. */
export const costsSummary = defineTool<CostsSummaryArgs>({
  name: 'costs_summary',
  title: 'Costs per agent',
  description:
    'Cost, requests and tokens per agent type over a named range, with exact totals ' +
    `(what \`rimuru costs summary --format json\` prints). Default range: ${DEFAULT_RANGE}.`,
  inputSchema: objectOf<CostsSummaryArgs>(
    {
      range: enumOf(RANGE_NAMES, `Named time range in the time zone (default ${DEFAULT_RANGE})`),
      agentType: agentTypeInput,
      ...viewInputs,
    },
    ['range', 'agentType', 'timezone', 'costMode'],
  ),
  outputSchema: costReportSchema,
  async run(args, ctx) {
    const settings = ctx.settings(args);
    const range = resolveTimeRange(args.range ?? DEFAULT_RANGE, { zone: settings.zone, now: settings.now });
    const report = await costReportAnswer(ctx.runtime.store, settings, {
      groupBy: 'agentType',
      agentTypes: args.agentType,
      range,
    });
    const plans = await ctx.plans(settings, range, { agentTypes: args.agentType });
    return { structured: { ...report, ...plans } as unknown as Record<string, unknown>, text: summary(report) };
  },
});

function summary(r: CostReportJson): string {
  if (r.rows.length === 0) return `No usage in range ${r.range}.`;
  const top = r.rows[0]!;
  return `Range ${r.range}: ${formatUsd(r.totals.costUsd)} over ${r.rows.length} agent type${r.rows.length === 1 ? '' : 's'}; most: ${top.name ?? 'unknown'} ${formatUsd(top.costUsd)}.`;
}
