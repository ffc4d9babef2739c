import { formatTokens, formatUsd, shortId } from '@rimuru/core';
import { sessionDetailAnswer } from '../../answers/session-detail.js';
import type { SessionDetailJson } from '../../render/session-detail.js';
import { described, objectOf, string } from '../json-schema.js';
import { sessionDetailSchema } from '../answer-schemas.js';
import { defineTool } from '../tool.js';
import { viewInputs, type ViewArgs } from '../tool-input.js';

interface GetSessionArgs extends ViewArgs {
  id: string;
}

/** `rimuru sessions show <id> --format json`. */
export const getSession = defineTool<GetSessionArgs>({
  name: 'get_session',
  title: 'Show one session',
  description:
    'Everything about one session: tokens per class, models, the cost and its breakdown per model, price row and token class ' +
    "(what `rimuru sessions show <id> --format json` prints). The id is Rimuru's id, the agent's session id, or a unique prefix of either.",
  inputSchema: objectOf<GetSessionArgs>(
    {
      id: { ...described(string, 'Session id, agent session id, or a unique prefix of either'), minLength: 1 },
      ...viewInputs,
    },
    ['timezone', 'costMode'],
  ),
  outputSchema: sessionDetailSchema,
  async run(args, ctx) {
    const detail = await sessionDetailAnswer(ctx.runtime, ctx.settings(args), args.id);
    return { structured: detail as unknown as Record<string, unknown>, text: summary(detail) };
  },
});

function summary(d: SessionDetailJson): string {
  const cost = d.costSource === 'unknown' ? 'cost unknown' : `${formatUsd(d.costUsd)} (${d.costSource})`;
  const tokens = d.totalTokens === null ? 'tokens unknown' : `${formatTokens(d.totalTokens)} tokens`;
  return `${d.agentType} session ${shortId(d.id)} (${d.status}) in ${d.projectPath ?? 'no project'}: ${tokens}, ${cost}, ${d.requestCount} requests; models ${d.models.join(', ') || 'none'}.`;
}
