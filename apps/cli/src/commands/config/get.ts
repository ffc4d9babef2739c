import { Args, Flags } from '@oclif/core';
import { DEFAULT_ACTIVE_WINDOW_MINUTES, systemTimeZone } from '@rimuru/core';
import { createAdapterContext } from '@rimuru/sync';
import { BaseCommand } from '../../base-command.js';
import { loadConfig } from '@rimuru/app-runtime';
import { getConfigValue } from '../../config-edit.js';

/** What applies when a key is unset, for the keys whose default is not obvious. */
function unsetDefault(key: string): string {
  if (key === 'timezone') return `: the system zone applies (${systemTimeZone()})`;
  if (key === 'activeWindowMinutes') return `: the default applies (${DEFAULT_ACTIVE_WINDOW_MINUTES} minutes)`;
  if (key === 'db') return ': DATABASE_URL or the embedded store applies (rimuru doctor shows which)';
  return '';
}

export default class ConfigGet extends BaseCommand<typeof ConfigGet> {
  static override summary = 'Print a config value (the whole config without a key)';
  static override examples = [
    '<%= config.bin %> config get team.url',
    '<%= config.bin %> config get roots.claude-code',
  ];
  static override args = { key: Args.string({ description: 'Dotted key, e.g. activeWindowMinutes or roots.codex' }) };
  static override flags = {
    format: Flags.string({ description: 'Output format', options: ['text', 'json'], default: 'text' }),
  };

  async run(): Promise<void> {
    const ctx = createAdapterContext();
    const config = await loadConfig(ctx.env, ctx.homeDir);
    const value = this.args.key === undefined ? config : getConfigValue(config, this.args.key);
    if (value === undefined) {
      // Imported on use: the key check loads the config schema.
      const { checkConfigKey } = await import('../../config-keys.js');
      checkConfigKey(this.args.key!);
      process.stderr.write(`${this.args.key} is not set${unsetDefault(this.args.key!)}\n`);
      process.exitCode = 1;
      return;
    }
    if (this.flags.format === 'text' && typeof value === 'string') process.stdout.write(`${value}\n`);
    else this.printJson(value);
  }
}
