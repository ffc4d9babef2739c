import { Args, Flags } from '@oclif/core';
import { restoreStore, verifyBackupFile } from '@rimuru/db';
import { resolve } from 'node:path';
import { BaseCommand } from '../../base-command.js';
import { confirmOrRefuse } from '../../confirm.js';
import { selectStore } from '../../store-selection.js';

export default class DbRestore extends BaseCommand<typeof DbRestore> {
  static override summary =
    'Replace the embedded store with a backup (the current store is kept as <store>.before-restore)';
  static override examples = ['<%= config.bin %> db restore ~/rimuru-2026-01-01.db --yes'];

  static override args = {
    file: Args.string({ description: 'Backup file written by rimuru db backup', required: true }),
  };
  static override flags = {
    yes: Flags.boolean({ char: 'y', description: 'Do not ask for confirmation', default: false }),
  };

  async run(): Promise<void> {
    const { target, location } = await selectStore(this.flags.db);
    const file = resolve(this.args.file);
    // Check the backup before asking: a bad file should fail without a question.
    await verifyBackupFile(file);
    if (!(await confirmOrRefuse(`Replace ${location} with ${file}?`, this.flags.yes))) {
      this.log('Nothing restored.');
      return;
    }
    const result = await restoreStore(target, file);
    this.log(
      `Restored ${location} from ${file}${result.previousCopy ? ` (previous store kept at ${result.previousCopy})` : ''}`,
    );
  }
}
