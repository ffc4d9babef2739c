import { Args } from '@oclif/core';
import { AmbiguousIdError, NotFoundError, shortId } from '@rimuru/core';
import { explainSession, priceTableResolver } from '@rimuru/sync';
import { BUILTIN_ADAPTERS } from '../../adapters.js';
import { ReadCommand } from '../../read-command.js';
import { explanationJson, renderExplanation } from '../../render/explain-view.js';

export default class SessionsExplain extends ReadCommand<typeof SessionsExplain> {
  static override summary = 'Account for every number of a session: sources and lines read, copies dropped and why, prices applied';
  static override examples = ['<%= config.bin %> sessions explain a1b2c3d4', '<%= config.bin %> sessions explain <agent session id> --format json'];

  static override args = {
    id: Args.string({ description: 'Session id, agent session id, or a unique prefix of either', required: true }),
  };

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const wanted = this.args.id.trim();
    const matches = await runtime.store.findSessions(wanted, 20);
    if (matches.length === 0) throw new NotFoundError(`No session matches "${wanted}"`, { suggestions: ['rimuru sessions --limit 20'] });
    if (matches.length > 1) {
      throw new AmbiguousIdError(
        `"${wanted}" matches ${matches.length === 20 ? '20 or more' : matches.length} sessions; give more characters`,
        matches.map((s) => `${shortId(s.id)}  ${s.agentType}  ${s.externalId}`),
      );
    }
    const session = matches[0]!;
    const adapter = (BUILTIN_ADAPTERS as Record<string, (typeof BUILTIN_ADAPTERS)[keyof typeof BUILTIN_ADAPTERS]>)[session.agentType] ?? null;
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
