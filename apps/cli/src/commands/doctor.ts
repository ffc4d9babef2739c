import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { counted } from '../render/plural.js';
import { checkConfig, checkDataRoots, checkStore, withConfigRoots, type DoctorCheck } from '../doctor-checks.js';
import { selectStore } from '../store-selection.js';
import { adaptersOf } from '../sync-options.js';
import { createAdapterContext } from '@rimuru/sync';
import { isRimuruError } from '@rimuru/core';

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

export default class Doctor extends BaseCommand<typeof Doctor> {
  static override summary = "Check the store, the agents' data roots and the config, and say what to fix";
  static override examples = ['<%= config.bin %> doctor', '<%= config.bin %> doctor --format json'];

  static override flags = {
    format: Flags.string({ description: 'Output format', options: ['table', 'json'], default: 'table' }),
  };

  async run(): Promise<void> {
    const checks: DoctorCheck[] = [];
    const ctx = createAdapterContext();
    const config = await checkConfig(ctx);
    checks.push(...config);
    if (config.every((c) => c.status !== 'fail')) {
      try {
        const selection = await selectStore(this.flags.db);
        checks.push(...(await checkStore(selection.target, selection.location)));
      } catch (error) {
        checks.push({
          name: 'store',
          status: 'fail',
          detail: isRimuruError(error) ? error.message : String(error),
          fix: null,
        });
      }
    }
    checks.push(...(await checkDataRoots(await adaptersOf(this.config), await withConfigRoots(ctx))));
    const failed = checks.filter((c) => c.status === 'fail').length;
    if (this.flags.format === 'json') this.printJson({ ok: failed === 0, checks });
    else {
      for (const c of checks) {
        this.log(`${MARK[c.status]}  ${c.name}: ${c.detail}${c.fix ? `\n      fix: ${c.fix}` : ''}`);
      }
      this.log(failed === 0 ? 'No problems found.' : `${counted(failed, 'problem')} found.`);
    }
    if (failed > 0) process.exitCode = 1;
  }
}
