import { Args } from '@oclif/core';
import { priceOriginLabel, UsageError } from '@rimuru/core';
import { StoreCommand, runtimePriceBook } from '../../store-command.js';
import { priceJson } from '../../render/price-json.js';
import { renderTable } from '../../render/table.js';
import { closestValues } from '../../suggest.js';

export default class ModelsShow extends StoreCommand<typeof ModelsShow> {
  static override summary = 'How a model name is priced: the key it resolves to and its dated prices';
  static override examples = [
    '<%= config.bin %> models show claude-4.5-sonnet',
    '<%= config.bin %> models show anthropic/claude-opus-4-6 --format json',
  ];

  static override args = { model: Args.string({ description: 'Model name as an agent writes it', required: true }) };

  async run(): Promise<void> {
    const runtime = await this.open();
    const { book } = await runtimePriceBook(runtime);
    const name = this.args.model.trim();
    const resolved = book.resolve(name);
    if (resolved.key === null && resolved.reason === 'ambiguous') {
      // Never guessed: the user picks (or adds an override for the name).
      throw new UsageError(`"${name}" matches several priced models: ${resolved.candidates.join(', ')}`, {
        suggestions: resolved.candidates.map((c) => `rimuru models show ${c}`),
      });
    }
    if (resolved.key === null) {
      // A usage error (exit 2) like any unknown name, with the closest priced models.
      const close = closestValues(name, [...book.keys(), ...book.overrideKeys()]);
      const help =
        close.length > 0
          ? `did you mean ${close.join(' or ')}?`
          : 'rimuru models search <part of the name> lists priced models; rimuru models sync updates them';
      throw new UsageError(`No price for "${name}": ${help}`);
    }
    const override = resolved.override ? book.override(resolved.key)! : null;
    const history = book.history(resolved.key).map((r) => ({
      validFrom: r.validFrom.toISOString(),
      source: r.source,
      origin: priceOriginLabel(r.source, r.sourceDate),
      sourceDate: r.sourceDate?.toISOString() ?? null,
      ...priceJson(r.price),
    }));
    const result = {
      model: name,
      key: resolved.key,
      override: override === null ? null : { origin: priceOriginLabel('user', null), ...priceJson(override) },
      history,
    };
    if (this.json) {
      this.printJson(result);
      return;
    }
    this.log(`Model       ${name}`);
    this.log(`Priced as   ${resolved.key}${override ? ' (user override from config)' : ''}`);
    const rows = [
      ...(override ? [['(override)', result.override!.origin, ...cells(result.override!)]] : []),
      ...history.map((h) => [h.validFrom.slice(0, 10), h.origin, ...cells(h)]),
    ];
    if (rows.length > 0) {
      this.log(
        renderTable(['Valid from', 'Source', 'Input', 'Output', 'Cache read', 'Cache write', 'Write 1h'], rows, {
          color: this.useColor,
          align: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
        }),
      );
      this.log('(USD per million tokens)');
    }
  }
}

function cells(p: ReturnType<typeof priceJson>): string[] {
  return [
    p.inputUsdPerMTok,
    p.outputUsdPerMTok,
    p.cacheReadUsdPerMTok,
    p.cacheWriteUsdPerMTok,
    p.cacheWrite1hUsdPerMTok,
  ].map(String);
}
