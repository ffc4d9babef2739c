import { BaseCommand } from '../../base-command.js';
import { configPath } from '@rimuru/app-runtime';
import { createAdapterContext } from '@rimuru/sync';

export default class ConfigPath extends BaseCommand<typeof ConfigPath> {
  static override summary = 'Print where the config file lives ($XDG_CONFIG_HOME/rimuru/config.json)';

  // eslint-disable-next-line @typescript-eslint/require-await -- implements oclif's async Command.run
  async run(): Promise<void> {
    const ctx = createAdapterContext();
    process.stdout.write(`${configPath(ctx.env, ctx.homeDir)}\n`);
  }
}
