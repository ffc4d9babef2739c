import { Args } from '@oclif/core';
import { sessionDetailAnswer } from '../../answers/session-detail.js';
import { ReadCommand } from '../../read-command.js';
import { renderSessionDetail } from '../../render/session-detail.js';

export default class SessionsShow extends ReadCommand<typeof SessionsShow> {
  static override summary = 'Everything about one session: tokens per class, models, costs';
  static override examples = [
    '<%= config.bin %> sessions show a1b2c3d4',
    '<%= config.bin %> sessions show <agent session id> --format json',
  ];

  static override args = {
    id: Args.string({ description: 'Session id, agent session id, or a unique prefix of either', required: true }),
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const detail = await sessionDetailAnswer(runtime, settings, this.args.id);
    if (settings.json) this.printJson(detail);
    else this.log(renderSessionDetail(detail, { zone: settings.zone, color: this.useColor, width: this.tableWidth }));
  }
}
