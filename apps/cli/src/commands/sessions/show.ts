import { Args } from '@oclif/core';
import { sessionCostBreakdown } from '@rimuru/core';
import { findOneSession } from '../../find-session.js';
import { ReadCommand } from '../../read-command.js';
import { buildSessionDetail, renderSessionDetail } from '../../render/session-detail.js';
import { costBreakdownJson } from '../../render/cost-breakdown.js';
import { runtimePriceBook } from '../../store-command.js';

export default class SessionsShow extends ReadCommand<typeof SessionsShow> {
  static override summary = 'Everything about one session: tokens per class, models, costs';
  static override examples = ['<%= config.bin %> sessions show a1b2c3d4', '<%= config.bin %> sessions show <agent session id> --format json'];

  static override args = {
    id: Args.string({ description: 'Session id, agent session id, or a unique prefix of either', required: true }),
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const session = await findOneSession(runtime.store, this.args.id);
    const [byModel, records, { book }] = await Promise.all([
      runtime.store.usage.byModel(session.id),
      runtime.store.usage.ofSession(session.id),
      runtimePriceBook(runtime),
    ]);
    // Priced now with the same dated book the sync used, so the lines sum to the stored cost.
    const breakdown = costBreakdownJson(sessionCostBreakdown(book, records));
    const detail = buildSessionDetail(session, byModel, settings, breakdown);
    if (settings.json) this.printJson(detail);
    else this.log(renderSessionDetail(detail, { zone: settings.zone, color: this.useColor }));
  }
}
