import { formatTokens, formatUsd, type SessionStatsJson } from '@rimuru/core';
import { sessionStatsAnswer } from '../../answers/session-stats.js';
import { objectOf } from '../json-schema.js';
import { sessionStatsSchema } from '../answer-schemas.js';
import { defineTool } from '../tool.js';
import { agentTypeInput, boundsOf, viewInputs, windowInputs, type ViewArgs, type WindowArgs } from '../tool-input.js';

interface SessionStatsArgs extends ViewArgs, WindowArgs {
  agentType?: string[];
}

const DEFAULT_RANGE = '7d';

/** `rimuru sessions stats --format json`. */
export const sessionStats = defineTool<SessionStatsArgs>({
  name: 'session_stats',
  title: 'Session totals',
  description:
    'Session count (active and completed), durations, tokens and cost over a time window, with averages per session ' +
    `(what \`rimuru sessions stats --format json\` prints). Default window: range ${DEFAULT_RANGE}.`,
  inputSchema: objectOf<SessionStatsArgs>({ ...windowInputs, agentType: agentTypeInput, ...viewInputs }, [
    'range',
    'since',
    'until',
    'agentType',
    'timezone',
    'costMode',
  ]),
  outputSchema: sessionStatsSchema,
  async run(args, ctx) {
    const settings = ctx.settings(args);
    const { from, to } = boundsOf(args, settings.zone, settings.now, DEFAULT_RANGE);
    const stats = await sessionStatsAnswer(ctx.runtime.store, settings, {
      from: from ?? null,
      to: to ?? null,
      agentTypes: args.agentType,
    });
    const plans = await ctx.plans(settings, { from: from ?? null, to: to ?? null }, { agentTypes: args.agentType });
    return { structured: { ...stats, ...plans } as unknown as Record<string, unknown>, text: summary(stats) };
  },
});

function summary(s: SessionStatsJson): string {
  return `${s.totalSessions} sessions (${s.activeSessions} active): ${formatTokens(s.totalTokens)} tokens, ${formatUsd(s.totalCostUsd)}; ${formatUsd(s.avgCostPerSession)} per session on average.`;
}
