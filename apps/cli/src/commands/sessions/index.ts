import { Flags } from '@oclif/core';
import { activeSince, parseDateBound } from '@rimuru/core';
import { agentTypeFlag, limitFlag } from '../../flags.js';
import { ReadCommand } from '../../read-command.js';
import { renderSessionsTable } from '../../render/session-rows.js';
import { toJsonList } from '../../session-query.js';

export default class Sessions extends ReadCommand<typeof Sessions> {
  static override summary = 'List sessions of every agent, newest first';
  static override examples = [
    '<%= config.bin %> sessions',
    '<%= config.bin %> sessions --active',
    '<%= config.bin %> sessions --agent-type claude-code --project rimuru --since 2026-11-01 --format json',
  ];

  static override flags = {
    active: Flags.boolean({ description: 'Only sessions active now', default: false }),
    'agent-type': agentTypeFlag,
    agent: Flags.string({ description: 'Only this agent (by name, e.g. claude-code-default); repeatable', multiple: true }),
    project: Flags.string({ description: 'Only sessions whose project path contains this text' }),
    since: Flags.string({ description: 'Only sessions active on or after this date (YYYY-MM-DD or ISO instant)' }),
    until: Flags.string({ description: 'Only sessions active on or before this date (YYYY-MM-DD or ISO instant)' }),
    host: Flags.string({ description: 'Only sessions recorded on this machine; repeatable', multiple: true }),
    limit: limitFlag(50),
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const f = this.flags;
    const since = f.since === undefined ? undefined : parseDateBound(f.since, 'since', settings.zone);
    const until = f.until === undefined ? undefined : parseDateBound(f.until, 'until', settings.zone);
    const sessions = await runtime.store.sessions.list({
      agentTypes: f['agent-type'],
      agentNames: f.agent,
      project: f.project,
      hosts: f.host,
      since,
      until,
      activeSince: f.active ? activeSince(settings) : undefined,
      limit: f.limit,
    });
    const json = toJsonList(sessions, settings);
    if (settings.json) this.printJson(json);
    else this.log(renderSessionsTable(json, { zone: settings.zone, color: this.useColor }));
  }
}
