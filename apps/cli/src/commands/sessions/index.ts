import { Flags } from '@oclif/core';
import { parseDateBound } from '@rimuru/core';
import type { SessionSort } from '@rimuru/db';
import { sessionsAnswer, sessionsFilter } from '../../answers/sessions.js';
import { agentTypeFlag, limitFlag, SESSION_SORTS } from '../../flags.js';
import { ReadCommand } from '../../read-command.js';
import { cutNotice } from '../../render/list-footer.js';
import { renderSessionsTable } from '../../render/session-rows.js';

export default class Sessions extends ReadCommand<typeof Sessions> {
  // As ccusage names it: `rimuru session`.
  static override aliases = ['session'];
  static override summary = 'List sessions of every agent, newest started first (--sort for others)';
  static override examples = [
    '<%= config.bin %> sessions',
    '<%= config.bin %> sessions --active',
    '<%= config.bin %> sessions --agent-type claude-code --project rimuru --since 2026-11-01 --format json',
  ];

  static override flags = {
    active: Flags.boolean({ description: 'Only sessions active now', default: false }),
    'agent-type': agentTypeFlag,
    agent: Flags.string({
      description: 'Only this agent (by name, e.g. claude-code-default); repeatable',
      multiple: true,
    }),
    project: Flags.string({ description: 'Only sessions whose project path contains this text' }),
    since: Flags.string({ description: 'Only sessions active on or after this date (YYYY-MM-DD or ISO instant)' }),
    until: Flags.string({ description: 'Only sessions active on or before this date (YYYY-MM-DD or ISO instant)' }),
    host: Flags.string({ description: 'Only sessions recorded on this machine; repeatable', multiple: true }),
    limit: limitFlag(50),
    sort: Flags.string({
      description: 'Biggest first by: started (newest first), duration, tokens or cost',
      options: [...SESSION_SORTS],
      default: 'started',
    }),
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const f = this.flags;
    const since = f.since === undefined ? undefined : parseDateBound(f.since, 'since', settings.zone);
    const until = f.until === undefined ? undefined : parseDateBound(f.until, 'until', settings.zone);
    const question = {
      agentTypes: f['agent-type'],
      agentNames: f.agent,
      project: f.project,
      hosts: f.host,
      since,
      until,
      active: f.active,
    };
    const json = await sessionsAnswer(runtime.store, settings, {
      ...question,
      limit: f.limit,
      sort: f.sort as SessionSort,
    });
    if (settings.json) {
      this.printJson(json);
      return;
    }
    if (json.length === 0) {
      // Imported on use: looking where each agent keeps its data loads every adapter.
      const help = await (await import('../../first-run.js')).noAgentDataHelp(runtime, this.config, this.tableWidth);
      if (help !== null) {
        this.log(help);
        return;
      }
    }
    this.log(renderSessionsTable(json, { zone: settings.zone, color: this.useColor, width: this.tableWidth }));
    if (json.length === f.limit)
      this.tableNote(cutNotice(json.length, await runtime.store.sessions.count(sessionsFilter(settings, question))));
  }
}
