import { formatUsd, shortId, type SessionJson } from '@rimuru/core';
import { sessionsAnswer } from '../../answers/sessions.js';
import { arrayOf, boolean, described, objectOf, string, type JsonSchema } from '../json-schema.js';
import { sessionJsonSchema } from '../answer-schemas.js';
import { defineTool } from '../tool.js';
import { agentTypeInput, boundsOf, viewInputs, windowInputs, type ViewArgs, type WindowArgs } from '../tool-input.js';

interface ListSessionsArgs extends ViewArgs, WindowArgs {
  agentType?: string[];
  agent?: string[];
  host?: string[];
  active?: boolean;
  project?: string;
  limit?: number;
}

const DEFAULT_LIMIT = 50;

/** `rimuru sessions --format json`, wrapped: structured content is an object, the CLI's answer a list. */
export const listSessions = defineTool<ListSessionsArgs>({
  name: 'list_sessions',
  title: 'List sessions',
  description:
    'Sessions of every AI coding agent on this machine, newest first, with tokens, cost, models and project ' +
    '(what `rimuru sessions --format json` prints, under "sessions"). Sessions count when they had any activity in the window.',
  inputSchema: objectOf<ListSessionsArgs>(
    {
      agentType: agentTypeInput,
      agent: described(arrayOf(string), 'Only these agents by name, e.g. claude-code-default'),
      host: described(arrayOf(string), 'Only sessions recorded on these machines'),
      active: described(boolean, 'Only sessions active now'),
      project: described(string, 'Only sessions whose project path contains this text'),
      ...windowInputs,
      limit: {
        type: 'integer',
        minimum: 1,
        description: `Most sessions to return (default ${DEFAULT_LIMIT})`,
      } satisfies JsonSchema,
      ...viewInputs,
    },
    ['agentType', 'agent', 'host', 'active', 'project', 'range', 'since', 'until', 'limit', 'timezone', 'costMode'],
  ),
  outputSchema: objectOf<{ sessions: SessionJson[] }>({ sessions: arrayOf(sessionJsonSchema) }),
  async run(args, ctx) {
    const settings = ctx.settings(args);
    const { from, to } = boundsOf(args, settings.zone, settings.now);
    const sessions = await sessionsAnswer(ctx.runtime.store, settings, {
      agentTypes: args.agentType,
      agentNames: args.agent,
      hosts: args.host,
      project: args.project,
      since: from,
      until: to,
      active: args.active === true,
      limit: args.limit ?? DEFAULT_LIMIT,
    });
    return { structured: { sessions }, text: summary(sessions) };
  },
});

function summary(sessions: SessionJson[]): string {
  if (sessions.length === 0) return 'No sessions match.';
  const active = sessions.filter((s) => s.status === 'active').length;
  const cost = sessions.reduce((sum, s) => sum + s.costUsd, 0);
  const newest = sessions[0]!;
  return [
    `${sessions.length} session${sessions.length === 1 ? '' : 's'}${active > 0 ? ` (${active} active)` : ''}, ${formatUsd(cost)} in all.`,
    `Newest: ${newest.agentType} ${shortId(newest.id)} in ${newest.projectPath ?? 'no project'}, last active ${newest.endedAt}.`,
  ].join(' ');
}
