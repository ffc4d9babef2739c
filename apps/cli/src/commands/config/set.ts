import { Args, Flags } from '@oclif/core';
import { UsageError } from '@rimuru/core';
import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { configPath, loadConfig } from '@rimuru/app-runtime';
import { getConfigValue, parseConfigValue, setConfigValue } from '../../config-edit.js';
import { checkConfigKey } from '../../config-keys.js';

export default class ConfigSet extends BaseCommand<typeof ConfigSet> {
  static override summary = 'Set (or --unset) a config value; the file is validated before it is written';
  static override examples = [
    '<%= config.bin %> config set activeWindowMinutes 10',
    '<%= config.bin %> config set team.url postgres://rimuru@server/rimuru',
    `<%= config.bin %> config set roots.claude-code '["/mnt/laptop/.claude"]'`,
    '<%= config.bin %> config set team.url --unset',
  ];
  static override args = {
    key: Args.string({ description: 'Dotted key', required: true }),
    value: Args.string({ description: 'Value: JSON (numbers, arrays, true) or plain text' }),
  };
  static override flags = { unset: Flags.boolean({ description: 'Remove the key', default: false }) };

  async run(): Promise<void> {
    if (this.args.value === undefined && !this.flags.unset)
      throw new UsageError('Give a value, or --unset to remove the key');
    const ctx = createAdapterContext();
    const path = configPath(ctx.env, ctx.homeDir);
    // An unknown key that is in the file (a newer version's) may still be removed.
    const present =
      this.flags.unset && getConfigValue(await loadConfig(ctx.env, ctx.homeDir), this.args.key) !== undefined;
    if (!present) checkConfigKey(this.args.key);
    await setConfigValue(path, this.args.key, this.flags.unset ? undefined : parseConfigValue(this.args.value ?? ''));
    process.stderr.write(`${this.flags.unset ? 'Removed' : 'Set'} ${this.args.key} in ${path}\n`);
  }
}
