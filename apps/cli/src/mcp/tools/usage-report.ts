import {
  formatTokens,
  formatUsd,
  parseWeekStart,
  REPORT_GROUP_BYS,
  UsageError,
  WEEK_STARTS,
  type BillingBlockJson,
  type ReportGroupBy,
  type ReportPeriod,
  type UsageReportJson,
} from '@rimuru/core';
import { BLOCK_AGENT_TYPES } from '@rimuru/app-runtime/active-block';
import { billingBlocksAnswer } from '../../answers/billing-blocks.js';
import { usageReportAnswer } from '../../answers/usage-report.js';
import { arrayOf, boolean, described, enumOf, objectOf, string } from '../json-schema.js';
import { billingBlockSchema, usageReportSchema } from '../answer-schemas.js';
import { defineTool } from '../tool.js';
import { agentTypeInput, boundsOf, viewInputs, windowInputs, type ViewArgs, type WindowArgs } from '../tool-input.js';

const PERIODS = ['day', 'week', 'month', 'block'] as const;
type Period = (typeof PERIODS)[number];
const REPORT_PERIOD: Record<Exclude<Period, 'block'>, ReportPeriod> = {
  day: 'daily',
  week: 'weekly',
  month: 'monthly',
};

interface UsageReportArgs extends ViewArgs, WindowArgs {
  period?: Period;
  groupBy?: ReportGroupBy;
  breakdown?: boolean;
  startOfWeek?: string;
  agentType?: string[];
  project?: string;
  active?: boolean;
}

/** Arguments only the calendar reports take, and the one only blocks take. */
const CALENDAR_ONLY = ['groupBy', 'breakdown', 'startOfWeek', 'project'] as const;

/**
 * `rimuru report daily|weekly|monthly --format json` (the document itself), or `rimuru report
 * blocks --format json` under "blocks" (structured content is an object, that answer a list).
 */
export const usageReport = defineTool<UsageReportArgs>({
  name: 'usage_report',
  title: 'Usage report',
  description:
    'Tokens, cost, sessions and active days per local day, week or month in a time zone, optionally per agent, model or project ' +
    '(what `rimuru report daily|weekly|monthly --format json` prints); or period "block": Claude Code\'s 5-hour billing blocks with ' +
    'burn rate and the active block\'s projection (what `rimuru report blocks --format json` prints, under "blocks").',
  inputSchema: objectOf<UsageReportArgs>(
    {
      period: enumOf(PERIODS, 'day, week or month buckets in the time zone, or 5-hour billing blocks (default day)'),
      ...windowInputs,
      groupBy: enumOf(REPORT_GROUP_BYS, 'Split each period by agent, model or project (not for blocks)'),
      breakdown: described(boolean, 'Per-model figures under each period (not for blocks)'),
      startOfWeek: enumOf(WEEK_STARTS, 'Day weeks start on (week only; default monday)'),
      agentType: {
        ...agentTypeInput,
        description: `${agentTypeInput.description as string} (blocks: default claude-code)`,
      },
      project: described(string, 'Only usage of sessions whose project path contains this text (not for blocks)'),
      active: described(boolean, 'Only the active block (blocks only)'),
      ...viewInputs,
    },
    [
      'period',
      'range',
      'since',
      'until',
      'groupBy',
      'breakdown',
      'startOfWeek',
      'agentType',
      'project',
      'active',
      'timezone',
      'costMode',
    ],
  ),
  outputSchema: {
    type: 'object',
    anyOf: [usageReportSchema, objectOf<{ blocks: BillingBlockJson[] }>({ blocks: arrayOf(billingBlockSchema) })],
  },
  async run(args, ctx) {
    const settings = ctx.settings(args);
    const period = args.period ?? 'day';
    const { from, to } = boundsOf(args, settings.zone, settings.now);
    if (period === 'block') {
      const extra = CALENDAR_ONLY.find((key) => args[key] !== undefined);
      if (extra !== undefined) throw new UsageError(`${extra} applies to day, week and month reports, not to blocks`);
      const blocks = await billingBlocksAnswer(ctx.runtime.store, settings, {
        since: from,
        until: to,
        agentTypes: args.agentType ?? [...BLOCK_AGENT_TYPES],
        active: args.active === true,
      });
      return { structured: { blocks }, text: blocksSummary(blocks) };
    }
    if (args.active !== undefined) throw new UsageError('active applies to blocks only');
    if (args.startOfWeek !== undefined && period !== 'week')
      throw new UsageError('startOfWeek applies to week reports only');
    const report = await usageReportAnswer(ctx.runtime.store, settings, {
      period: REPORT_PERIOD[period],
      since: from,
      until: to,
      startOfWeek: args.startOfWeek === undefined ? undefined : parseWeekStart(args.startOfWeek),
      groupBy: args.groupBy,
      breakdown: args.breakdown === true,
      agentTypes: args.agentType,
      project: args.project,
    });
    const plans = await ctx.plans(settings, { from: from ?? null, to: to ?? null }, { agentTypes: args.agentType });
    return { structured: { ...report, ...plans } as unknown as Record<string, unknown>, text: reportSummary(report) };
  },
});

function reportSummary(r: UsageReportJson): string {
  if (r.rows.length === 0) return `No usage in this window (${r.period}, ${r.timezone}).`;
  const periods = new Set(r.rows.map((row) => row.period)).size;
  return `${r.period} report in ${r.timezone}: ${periods} period${periods === 1 ? '' : 's'}${r.groupBy === null ? '' : ` by ${r.groupBy}`}, ${formatTokens(r.totals.totalTokens)} tokens, ${formatUsd(r.totals.costUsd)} in all; ${r.totals.sessions} sessions.`;
}

function blocksSummary(blocks: BillingBlockJson[]): string {
  const used = blocks.filter((b) => !b.isGap);
  if (used.length === 0) return 'No billing blocks in this window.';
  const active = blocks.find((b) => b.isActive);
  const now =
    active === undefined
      ? 'no block is active'
      : `the active block has ${formatUsd(active.costUsd)}${active.projection === null ? '' : `, projected ${formatUsd(active.projection.costUsd)} with ${active.projection.remainingMinutes} min left`}`;
  return `${used.length} billing block${used.length === 1 ? '' : 's'}, ${formatUsd(used.reduce((s, b) => s + b.costUsd, 0))} in all; ${now}.`;
}
