import { Args, Flags } from '@oclif/core';
import { backupStore } from '@rimuru/db';
import { resolve } from 'node:path';
import { BaseCommand } from '../../base-command.js';
import { selectStore } from '../../store-selection.js';

export default class DbBackup extends BaseCommand<typeof DbBackup> {
  static override summary = 'Write a consistent copy of the embedded store to a file (safe while Rimuru runs)';
  static override examples = ['<%= config.bin %> db backup ~/rimuru-2026-01-01.db'];

  static override args = { file: Args.string({ description: 'Backup file to create', required: true }) };
  static override flags = { force: Flags.boolean({ description: 'Overwrite the file if it exists', default: false }) };

  async run(): Promise<void> {
    const { target, location } = await selectStore(this.flags.db);
    const file = resolve(this.args.file);
    await backupStore(target, file, { overwrite: this.flags.force });
    this.log(`Backed up ${location} to ${file}`);
  }
}
