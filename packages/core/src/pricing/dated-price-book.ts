import type { ModelPrice } from './model-price.js';
import { createPriceTable, type PriceTable } from './price-table.js';

/** The start of the bundled snapshot's validity (design §3). */
export const BUNDLED_VALID_FROM = new Date('1970-01-01T00:00:00.000Z');

/** One dated price row: `price` applies to `model` from `validFrom` until the key's next row. */
export interface DatedPriceRow {
  model: string;
  validFrom: Date;
  price: ModelPrice;
  source: string;
  /**
   * Since when the source says so: the bundled snapshot's date, or when a sync wrote the row.
   * Absent on a row about to be written: the store then dates it by the write.
   */
  sourceDate?: Date | null;
}

type DatedPriceLookup =
  | {
      key: string;
      price: ModelPrice;
      /** Start of the row used; null for a user override (valid for all time). */
      validFrom: Date | null;
      source: string;
    }
  | { key: null; reason: 'unknown' | 'ambiguous'; candidates: string[] };

/** Prices over time: the name rules of PriceTable, then the row valid at an instant. */
export interface DatedPriceBook {
  /** Keys with at least one dated row, sorted. */
  keys(): string[];
  /** Override keys (from the user's config), sorted. */
  overrideKeys(): string[];
  /** Every row of exactly `key`, oldest first. */
  history(key: string): DatedPriceRow[];
  /** The override stored under exactly `key`. */
  override(key: string): ModelPrice | undefined;
  /**
   * The price of a model as an agent wrote it at instant `at`: a user override (by the same
   * name rules) wins; else the key the name resolves to, at its row valid at `at`. Before a
   * key's first row its first price applies, so a model first priced by a later sync is not
   * left unpriced for its earlier history.
   */
  lookup(model: string, at: Date): DatedPriceLookup;
  /** Name resolution only (no instant): which key or override a model name maps to. */
  resolve(
    model: string,
  ): { key: string; override: boolean } | { key: null; reason: 'unknown' | 'ambiguous'; candidates: string[] };
}

class RowsPriceBook implements DatedPriceBook {
  private readonly rowsByKey = new Map<string, DatedPriceRow[]>();
  private readonly names: PriceTable;
  private readonly overrides: PriceTable;

  constructor(rows: readonly DatedPriceRow[], overrides: ReadonlyMap<string, ModelPrice>) {
    for (const row of rows) {
      const list = this.rowsByKey.get(row.model) ?? [];
      list.push(row);
      this.rowsByKey.set(row.model, list);
    }
    const latest = new Map<string, ModelPrice>();
    for (const [key, list] of this.rowsByKey) {
      list.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
      latest.set(key, list[list.length - 1]!.price);
    }
    // Name resolution runs over the union of keys ever priced: deterministic, whatever the instant.
    this.names = createPriceTable(latest, 'dated');
    this.overrides = createPriceTable(overrides, 'user');
  }

  keys(): string[] {
    return [...this.rowsByKey.keys()].sort();
  }

  overrideKeys(): string[] {
    return this.overrides.keys();
  }

  history(key: string): DatedPriceRow[] {
    return [...(this.rowsByKey.get(key) ?? [])];
  }

  override(key: string): ModelPrice | undefined {
    return this.overrides.get(key);
  }

  resolve(model: string) {
    const user = this.overrides.lookup(model);
    if (user.key !== null) return { key: user.key, override: true };
    const hit = this.names.lookup(model);
    if (hit.key !== null) return { key: hit.key, override: false };
    // An ambiguous override name is reported too, never guessed.
    if (user.reason === 'ambiguous') return user;
    return hit;
  }

  lookup(model: string, at: Date): DatedPriceLookup {
    const resolved = this.resolve(model);
    if (resolved.key === null) return resolved;
    if (resolved.override) {
      return { key: resolved.key, price: this.overrides.get(resolved.key)!, validFrom: null, source: 'user' };
    }
    const row = rowValidAt(this.rowsByKey.get(resolved.key)!, at);
    return { key: resolved.key, price: row.price, validFrom: row.validFrom, source: row.source };
  }
}

/** The row valid at `at` among rows sorted oldest first (the first row before any of them). */
export function rowValidAt<R extends { validFrom: Date }>(sorted: readonly R[], at: Date): R {
  const t = at.getTime();
  let found = sorted[0]!;
  for (const row of sorted) {
    if (row.validFrom.getTime() <= t) found = row;
    else break;
  }
  return found;
}

/** A price book over dated rows (any order) and user overrides keyed by model name. */
export function createDatedPriceBook(
  rows: readonly DatedPriceRow[],
  overrides: ReadonlyMap<string, ModelPrice> = new Map(),
): DatedPriceBook {
  return new RowsPriceBook(rows, overrides);
}

/** The rows of a plain price table, all valid from `validFrom` (the bundled snapshot's seed). */
export function rowsFromPriceTable(
  table: PriceTable,
  validFrom: Date,
  source: string,
  sourceDate?: Date | null,
): DatedPriceRow[] {
  return table.keys().map((model) => ({
    model,
    validFrom,
    price: table.get(model)!,
    source,
    ...(sourceDate === undefined ? {} : { sourceDate }),
  }));
}
