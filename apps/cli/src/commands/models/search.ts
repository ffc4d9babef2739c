import { Args } from '@oclif/core';
import { canonicalModelName } from '@rimuru/core';
import { StoreCommand, runtimePriceBook } from '../../store-command.js';
import { currentPrices, renderModelPrices } from '../../render/model-prices.js';

export default class ModelsSearch extends StoreCommand<typeof ModelsSearch> {
  static override summary = 'Priced models whose name contains the text (case, dots and provider prefix ignored)';
  static override examples = [
    '<%= config.bin %> models search sonnet',
    '<%= config.bin %> models search gpt-5.1 --format json',
  ];

  static override args = { text: Args.string({ description: 'Part of a model name', required: true }) };

  async run(): Promise<void> {
    const runtime = await this.open();
    const { book } = await runtimePriceBook(runtime);
    const needle = canonicalModelName(this.args.text);
    const raw = this.args.text.trim().toLowerCase();
    const rows = currentPrices(
      book,
      runtime.ctx.now(),
      (key) => key.toLowerCase().includes(raw) || canonicalModelName(key).includes(needle),
    );
    if (this.json) this.printJson(rows);
    else this.log(renderModelPrices(rows, this.useColor, this.tableWidth));
  }
}
