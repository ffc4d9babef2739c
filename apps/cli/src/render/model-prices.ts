import { rowValidAt, type DatedPriceBook, type ModelPrice } from '@rimuru/core';
import { priceCells, priceJson, type PriceJson } from './price-json.js';
import { renderTable } from './table.js';

/** One model's price now: a user override, or its dated row valid at `now`. */
export interface ModelPriceJson extends PriceJson {
  model: string;
  source: string;
  /** Start of the row in force; null for a user override. */
  validFrom: string | null;
  /** How many dated rows the model has. */
  rows: number;
}

function entry(model: string, price: ModelPrice, source: string, validFrom: Date | null, rows: number): ModelPriceJson {
  return { model, source, validFrom: validFrom?.toISOString() ?? null, rows, ...priceJson(price) };
}

/** Every priced model (overrides first win on an equal key), sorted by name; `filter` keeps some. */
export function currentPrices(book: DatedPriceBook, now: Date, filter: (key: string) => boolean = () => true): ModelPriceJson[] {
  const out = new Map<string, ModelPriceJson>();
  for (const key of book.keys()) {
    if (!filter(key)) continue;
    const history = book.history(key);
    const row = rowValidAt(history, now);
    out.set(key, entry(key, row.price, row.source, row.validFrom, history.length));
  }
  for (const key of book.overrideKeys()) {
    if (!filter(key)) continue;
    out.set(key, entry(key, book.override(key)!, 'user', null, book.history(key).length));
  }
  return [...out.values()].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

export function renderModelPrices(rows: ModelPriceJson[], color: boolean): string {
  if (rows.length === 0) return 'No models.';
  return renderTable(
    ['Model', 'Input', 'Output', 'Cache read', 'Cache write', 'Source', 'Valid from'],
    rows.map((r) => [
      r.model,
      String(r.inputUsdPerMTok),
      String(r.outputUsdPerMTok),
      String(r.cacheReadUsdPerMTok),
      String(r.cacheWriteUsdPerMTok),
      r.source,
      r.validFrom?.slice(0, 10) ?? '—',
    ]),
    { color, align: ['left', 'right', 'right', 'right', 'right', 'left', 'left'] },
  ) + '\n(USD per million tokens)';
}

export { priceCells };
