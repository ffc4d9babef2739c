import { costRowJson, totalTokens } from '@rimuru/core';
import { ReadCommand } from '../../read-command.js';
import { runtimePriceBook } from '../../store-command.js';
import { wrapText } from '../../render/shorten.js';
import { renderTable } from '../../render/table.js';
import { formatTokens } from '@rimuru/core';

export default class ModelsMissing extends ReadCommand<typeof ModelsMissing> {
  static override summary = 'Models seen in usage that have no price, with their token volume';
  static override examples = ['<%= config.bin %> models missing', '<%= config.bin %> models missing --format json'];

  async run(): Promise<void> {
    const { runtime, settings } = await this.prepare();
    const { book } = await runtimePriceBook(runtime);
    const groups = await runtime.store.usage.breakdown({ groupBy: 'model' });
    const missing = groups
      .map((g) => {
        const resolved = g.group === null ? null : book.resolve(g.group);
        const reason = resolved === null ? 'no-model' : resolved.key === null ? resolved.reason : null;
        return { g, reason, candidates: resolved !== null && resolved.key === null ? resolved.candidates : [] };
      })
      .filter((m) => m.reason !== null || m.g.unpricedRequestCount > 0)
      .sort((a, b) => totalTokens(b.g.tokens) - totalTokens(a.g.tokens))
      .map(({ g, reason, candidates }) => ({
        model: g.group,
        reason: reason ?? 'unknown',
        candidates,
        ...costRowJson(g, 'calculate'),
        cacheWrite5mTokens: g.tokens.cacheWrite5m,
        cacheWrite1hTokens: g.tokens.cacheWrite1h,
      }));
    if (settings.json) {
      this.printJson(missing);
      return;
    }
    if (missing.length === 0) {
      this.log('Every model seen in usage has a price.');
      return;
    }
    this.log(
      renderTable(
        ['Model', 'Why', 'Requests', 'Input', 'Output', 'Cache read', 'Cache write', 'Total'],
        missing.map((m) => [
          m.model ?? '(none recorded)',
          m.reason === 'ambiguous' ? `ambiguous: ${m.candidates.join(', ')}` : m.reason,
          String(m.requestCount),
          formatTokens(m.inputTokens),
          formatTokens(m.outputTokens),
          formatTokens(m.cacheReadTokens),
          formatTokens(m.cacheWriteTokens),
          formatTokens(m.totalTokens),
        ]),
        {
          color: this.useColor,
          align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
          width: this.tableWidth,
          fit: [
            { shorten: 'end', min: 14, cut: 1 },
            { shorten: 'end', min: 10 },
            { drop: 4 },
            {},
            {},
            { drop: 3 },
            { drop: 2 },
            {},
          ],
        },
      ),
    );
    this.log(
      wrapText(
        'These tokens are counted but cost 0. Add a price under "prices" in the config file (USD per million tokens).',
        this.tableWidth,
      ),
    );
  }
}
