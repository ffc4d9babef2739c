import { Args } from '@oclif/core';
import { UsageError } from '@rimuru/core';
import { importStore } from '@rimuru/db';
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { BaseCommand } from '../../base-command.js';
import { selectStore } from '../../store-selection.js';

export default class DbImport extends BaseCommand<typeof DbImport> {
  static override summary = 'Import an NDJSON export into an empty store (all rows or none)';
  static override examples = [
    '<%= config.bin %> db import history.ndjson --db ~/new.db',
    '<%= config.bin %> db import history.ndjson --db postgres://me@server/rimuru',
  ];

  static override args = { file: Args.string({ description: 'Export file, or - for stdin', required: true }) };

  async run(): Promise<void> {
    const { target, location } = await selectStore(this.flags.db);
    const file = this.args.file === '-' ? null : resolve(this.args.file);
    if (file !== null && !existsSync(file)) throw new UsageError(`No such export file: ${file}`);
    const input = file === null ? process.stdin : createReadStream(file, { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    const counts = await importStore(target, lines);
    const summary = Object.entries(counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ');
    this.log(`Imported into ${location}: ${summary}`);
  }
}
