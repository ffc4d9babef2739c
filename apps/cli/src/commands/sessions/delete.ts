import { Args, Flags } from '@oclif/core';
import { shortId } from '@rimuru/core';
import { deleteSessions, openStore } from '@rimuru/db';
import { BaseCommand } from '../../base-command.js';
import { confirmOrRefuse } from '../../confirm.js';
import { findOneSession } from '../../find-session.js';
import { counted } from '../../render/plural.js';
import { selectStore } from '../../store-selection.js';

export default class SessionsDelete extends BaseCommand<typeof SessionsDelete> {
  static override summary = 'Delete one session and its usage from the store (asks first, or --yes)';
  static override examples = ['<%= config.bin %> sessions delete a1b2c3d4 --yes'];

  static override args = {
    id: Args.string({ description: 'Session id, agent session id, or a unique prefix of either', required: true }),
  };
  static override flags = {
    yes: Flags.boolean({ char: 'y', description: 'Do not ask for confirmation', default: false }),
  };

  async run(): Promise<void> {
    const { target, location } = await selectStore(this.flags.db);
    const store = await openStore(target);
    let session;
    try {
      session = await findOneSession(store, this.args.id);
    } finally {
      await store.close();
    }
    const label = `${shortId(session.id)} (${session.agentType} ${session.externalId})`;
    if (!(await confirmOrRefuse(`Delete session ${label} from ${location}?`, this.flags.yes))) {
      this.log('Nothing deleted.');
      return;
    }
    const result = await deleteSessions(target, [session.id]);
    this.log(`Deleted session ${label} and ${counted(result.usageRecords, 'usage record')}.`);
  }
}
