import { priceOriginLabel, rowValidAt, type DatedPriceBook, type ModelPrice } from '@rimuru/core';
import { priceJson, type PriceJson } from './price-json.js';
import { renderTable } from './table.js';

/** One model's price now: a user override, or its dated row valid at `now`. */
export interface ModelPriceJson extends PriceJson {
  model: string;
  source: string;
  /** Where the price came from and since when: "bundled 2026-07-24", "LiteLLM sync 2026-11-30", "your override". */
  origin: string;
  /** Since when its source says so (the snapshot's date, the sync's write); null for an override. */
  sourceDate: string | null;
  /** Start of the row in force; null for a user override. */
  validFrom: string | null;
  /** How many dated rows the model has. */
  rows: number;
}

function entry(
  model: string,
  price: ModelPrice,
  source: string,
  sourceDate: Date | null,
  validFrom: Date | null,
  rows: number,
): ModelPriceJson {
  return {
    model,
    source,
    origin: priceOriginLabel(source, sourceDate),
    sourceDate: sourceDate?.toISOString() ?? null,
    validFrom: validFrom?.toISOString() ?? null,
    rows,
    ...priceJson(price),
  };
}

/** Every priced model (overrides first win on an equal key), sorted by name; `filter` keeps some. */
export function currentPrices(
  book: DatedPriceBook,
  now: Date,
  filter: (key: string) => boolean = () => true,
): ModelPriceJson[] {
  const out = new Map<string, ModelPriceJson>();
  for (const key of book.keys()) {
    if (!filter(key)) continue;
    const history = book.history(key);
    const row = rowValidAt(history, now);
    out.set(key, entry(key, row.price, row.source, row.sourceDate ?? null, row.validFrom, history.length));
  }
  for (const key of book.overrideKeys()) {
    if (!filter(key)) continue;
    out.set(key, entry(key, book.override(key)!, 'user', null, null, book.history(key).length));
  }
  return [...out.values()].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

export function renderModelPrices(rows: ModelPriceJson[], color: boolean, width?: number): string {
  if (rows.length === 0) return 'No models.';
  return (
    renderTable(
      ['Model', 'Input', 'Output', 'Cache read', 'Cache write', 'Source', 'Valid from'],
      rows.map((r) => [
        r.model,
        String(r.inputUsdPerMTok),
        String(r.outputUsdPerMTok),
        String(r.cacheReadUsdPerMTok),
        String(r.cacheWriteUsdPerMTok),
        r.origin,
        r.validFrom?.slice(0, 10) ?? '—',
      ]),
      // Price keys keep their provider prefix and version suffix: shortened in the middle.
      {
        color,
        align: ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
        width,
        fit: [{ shorten: 'middle', min: 24 }, {}, {}, {}, {}, { drop: 2 }, { drop: 1 }],
      },
    ) + '\n(USD per million tokens)'
  );
}
