import { StoreCommand, runtimePriceBook } from '../../store-command.js';
import { currentPrices, renderModelPrices } from '../../render/model-prices.js';

export default class ModelsList extends StoreCommand<typeof ModelsList> {
  static override summary = 'Every priced model with its price in force now (USD per million tokens)';
  static override examples = ['<%= config.bin %> models list', '<%= config.bin %> models list --format json'];

  async run(): Promise<void> {
    const runtime = await this.open();
    const { book } = await runtimePriceBook(runtime);
    const rows = currentPrices(book, runtime.ctx.now());
    if (this.json) this.printJson(rows);
    else this.log(renderModelPrices(rows, this.useColor, this.tableWidth));
  }
}
