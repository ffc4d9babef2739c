import { Args } from '@oclif/core';
import { explainSession, priceTableResolver } from '@rimuru/sync/explain';
import { findOneSession } from '../../find-session.js';
import { ReadCommand } from '../../read-command.js';
import { explanationJson, renderExplanation } from '../../render/explain-view.js';
import { adapterFor } from '../../sync-options.js';

export default class SessionsExplain extends ReadCommand<typeof SessionsExplain> {
  static override summary =
    'Account for every number of a session: sources and lines read, copies dropped and why, prices applied';
  static override examples = [
    '<%= config.bin %> sessions explain a1b2c3d4',
    '<%= config.bin %> sessions explain <agent session id> --format json',
  ];

  static override args = {
    id: Args.string({ description: 'Session id, agent session id, or a unique prefix of either', required: true }),
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const session = await findOneSession(runtime.store, this.args.id);
    const adapter = await adapterFor(this.config, session.agentType);
    const explanation = await explainSession({
      store: runtime.store,
      adapter,
      ctx: runtime.ctx,
      session,
      // Seam: the bundled snapshot for now; swap in a resolver over dated prices when they land.
      prices: priceTableResolver(),
      zone: settings.zone,
    });
    if (settings.json) this.printJson(explanationJson(explanation));
    else this.log(renderExplanation(explanation, { zone: settings.zone }));
  }
}
