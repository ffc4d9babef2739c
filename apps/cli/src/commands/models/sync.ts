import { Flags } from '@oclif/core';
import {
  assertTimeZone,
  bundledPriceTable,
  parseDateBound,
  priceOverridesFromConfig,
  systemTimeZone,
} from '@rimuru/core';
import { LITELLM_PRICES_URL, readPriceSource, syncModelPrices } from '@rimuru/sync/prices';
import { StoreCommand } from '../../store-command.js';

export default class ModelsSync extends StoreCommand<typeof ModelsSync> {
  static override summary = "Load model prices from LiteLLM's price file (or a local copy) as dated rows";
  static override description =
    'A price that changed gets a new row valid from --effective-from (default: now); records are priced at the price valid at their own time, and the costs of affected records and sessions are recomputed. Models absent from the file keep their prices.';
  static override examples = [
    '<%= config.bin %> models sync',
    '<%= config.bin %> models sync --from ./model_prices_and_context_window.json --effective-from 1970-01-01',
  ];

  static override flags = {
    from: Flags.string({ description: `URL or file of a LiteLLM price file (default: ${LITELLM_PRICES_URL})` }),
    'effective-from': Flags.string({
      description: 'Date (in your zone) or ISO instant the synced prices apply from (default: now)',
    }),
  };

  async run(): Promise<void> {
    const runtime = await this.open();
    const zone = assertTimeZone(runtime.config.timezone ?? systemTimeZone());
    const effectiveFrom =
      this.flags['effective-from'] === undefined
        ? runtime.ctx.now()
        : parseDateBound(this.flags['effective-from'], 'since', zone);
    const from = this.flags.from ?? LITELLM_PRICES_URL;
    // Read (and fail) before touching the store: offline means prices unchanged.
    const json = await readPriceSource(from);
    const report = await syncModelPrices({
      store: runtime.store,
      json,
      effectiveFrom,
      bundled: bundledPriceTable(),
      overrides: priceOverridesFromConfig(runtime.config.prices),
    });
    if (this.json) {
      this.printJson({ from, ...report });
      return;
    }
    this.log(
      `Prices from ${from}: ${report.modelsInFile} models, ${report.added.length} new, ${report.changed.length} changed, ` +
        `${report.unchanged} unchanged (valid from ${report.effectiveFrom}); ` +
        `${report.recordsRepriced} records in ${report.sessionsUpdated} sessions repriced`,
    );
    if (report.skippedEntries > 0) this.log(`${report.skippedEntries} entries without per-token prices skipped`);
  }
}
