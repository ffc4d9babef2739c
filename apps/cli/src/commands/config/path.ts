import { BaseCommand } from '../../base-command.js';
import { configPath } from '../../config.js';
import { createAdapterContext } from '@rimuru/sync';

export default class ConfigPath extends BaseCommand<typeof ConfigPath> {
  static override summary = 'Print where the config file lives ($XDG_CONFIG_HOME/rimuru/config.json)';

  async run(): Promise<void> {
    const ctx = createAdapterContext();
    process.stdout.write(`${configPath(ctx.env, ctx.homeDir)}\n`);
  }
}
