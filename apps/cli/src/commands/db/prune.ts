import { Flags } from '@oclif/core';
import { parseDateBound, systemTimeZone, UsageError, isRimuruError } from '@rimuru/core';
import { countSessionsBefore, pruneSessionsBefore } from '@rimuru/db';
import { BaseCommand } from '../../base-command.js';
import { counted } from '../../render/plural.js';
import { confirmOrRefuse } from '../../confirm.js';
import { selectStore } from '../../store-selection.js';

export default class DbPrune extends BaseCommand<typeof DbPrune> {
  static override summary = 'Delete sessions whose last activity is before a date (only when you ask)';
  static override examples = ['<%= config.bin %> db prune --before 2025-01-01 --yes'];

  static override flags = {
    before: Flags.string({ description: 'YYYY-MM-DD (local day) or an ISO-8601 instant', required: true }),
    timezone: Flags.string({ description: 'IANA time zone for a YYYY-MM-DD date (default: system zone)' }),
    yes: Flags.boolean({ char: 'y', description: 'Do not ask for confirmation', default: false }),
  };

  async run(): Promise<void> {
    const { target, location, config } = await selectStore(this.flags.db);
    let before: Date;
    try {
      before = parseDateBound(this.flags.before, 'since', this.flags.timezone ?? config.timezone ?? systemTimeZone());
    } catch (error) {
      if (isRimuruError(error) && error.code === 'INVALID_DATE') {
        throw new UsageError(
          `Invalid date "${this.flags.before}" for --before: expected YYYY-MM-DD or an ISO-8601 instant`,
          { code: 'INVALID_DATE' },
        );
      }
      throw error;
    }
    const count = await countSessionsBefore(target, before);
    if (count === 0) {
      this.log(`No session in ${location} ended before ${before.toISOString()}.`);
      return;
    }
    if (
      !(await confirmOrRefuse(
        `Delete ${counted(count, 'session')} that ended before ${before.toISOString()} from ${location}?`,
        this.flags.yes,
      ))
    ) {
      this.log('Nothing deleted.');
      return;
    }
    const result = await pruneSessionsBefore(target, before);
    this.log(`Deleted ${counted(result.sessions, 'session')} and ${counted(result.usageRecords, 'usage record')}.`);
  }
}
