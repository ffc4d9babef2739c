import { Args } from '@oclif/core';
import { exportStore } from '@rimuru/db';
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BaseCommand } from '../../base-command.js';
import { selectStore } from '../../store-selection.js';

async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}

export default class DbExport extends BaseCommand<typeof DbExport> {
  static override summary = 'Export the whole store as NDJSON (to a file, or stdout with -)';
  static override examples = [
    '<%= config.bin %> db export history.ndjson',
    '<%= config.bin %> db export - | gzip > history.ndjson.gz',
  ];

  static override args = { file: Args.string({ description: 'File to write, or - for stdout', default: '-' }) };

  async run(): Promise<void> {
    const { target, location } = await selectStore(this.flags.db);
    if (this.args.file === '-') {
      await exportStore(target, (line) => writeLine(process.stdout, line));
      return;
    }
    const file = resolve(this.args.file);
    // Written beside the destination and renamed at the end: a failed export leaves no half file.
    const temp = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
    // 0600: the export names projects and sessions, like the store itself.
    const stream: WriteStream = createWriteStream(temp, { mode: 0o600 });
    try {
      const counts = await exportStore(target, (line) => writeLine(stream, line));
      stream.end();
      await once(stream, 'finish');
      renameSync(temp, file);
      const summary = Object.entries(counts)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ');
      process.stderr.write(`Exported ${location} to ${file}: ${summary}\n`);
    } catch (error) {
      stream.destroy();
      rmSync(temp, { force: true });
      throw error;
    }
  }
}
