import { SYNTHETIC_MODEL } from '../session-rollup.js';
import type { ModelPrice } from './model-price.js';
import { canonicalModelName, hasDateSuffix, modelNameCandidates, stripDateSuffix } from './model-name.js';

export type PriceLookup =
  { key: string; price: ModelPrice } | { key: null; reason: 'unknown' | 'ambiguous'; candidates: string[] };

/** Prices by key with name normalisation; immutable once built. */
export interface PriceTable {
  /** Where the prices come from, e.g. 'litellm snapshot 2026-07-24'. */
  readonly source: string;
  readonly size: number;
  /** Every key, sorted. */
  keys(): string[];
  /** The price stored under exactly `key`. */
  get(key: string): ModelPrice | undefined;
  /**
   * The price for a model name as an agent wrote it: exact key, else the normalised name
   * (provider prefix, Bedrock region and version, dots, routing suffixes, Claude name order),
   * else a dated name without its date, else the unique dated key of an undated name.
   */
  lookup(model: string): PriceLookup;
}

/** Names that never have a price: Claude Code's placeholder for locally generated messages. */
const NEVER_PRICED = new Set([SYNTHETIC_MODEL]);

const unknown = (): PriceLookup => ({ key: null, reason: 'unknown', candidates: [] });

/** Among keys with one canonical form, prefer the bare key, then the shortest, then A–Z. */
function preferKey(a: string, b: string, canonical: string): string {
  const rank = (k: string): [number, number, string] => [k === canonical ? 0 : 1, k.length, k];
  const [ra, rb] = [rank(a), rank(b)];
  if (ra[0] !== rb[0]) return ra[0] < rb[0] ? a : b;
  if (ra[1] !== rb[1]) return ra[1] < rb[1] ? a : b;
  return ra[2] <= rb[2] ? a : b;
}

class MapPriceTable implements PriceTable {
  readonly source: string;
  private readonly prices: ReadonlyMap<string, ModelPrice>;
  /** canonical name → the preferred key with that canonical form */
  private readonly byCanonical = new Map<string, string>();
  /** undated canonical name → the dated canonical names that strip to it */
  private readonly datedByBase = new Map<string, Set<string>>();
  private readonly cache = new Map<string, PriceLookup>();

  constructor(prices: ReadonlyMap<string, ModelPrice>, source: string) {
    this.source = source;
    this.prices = prices;
    for (const key of [...prices.keys()].sort()) {
      const canonical = canonicalModelName(key);
      if (canonical === '') continue;
      const existing = this.byCanonical.get(canonical);
      this.byCanonical.set(canonical, existing === undefined ? key : preferKey(existing, key, canonical));
      if (hasDateSuffix(canonical)) {
        const base = stripDateSuffix(canonical);
        const set = this.datedByBase.get(base) ?? new Set<string>();
        set.add(canonical);
        this.datedByBase.set(base, set);
      }
    }
  }

  get size(): number {
    return this.prices.size;
  }

  keys(): string[] {
    return [...this.prices.keys()].sort();
  }

  get(key: string): ModelPrice | undefined {
    return this.prices.get(key);
  }

  lookup(model: string): PriceLookup {
    let result = this.cache.get(model);
    if (result === undefined) {
      result = this.resolve(model);
      this.cache.set(model, result);
    }
    return result;
  }

  private hit(key: string): PriceLookup {
    return { key, price: this.prices.get(key)! };
  }

  private resolve(model: string): PriceLookup {
    if (NEVER_PRICED.has(model.trim())) return unknown();
    if (this.prices.has(model)) return this.hit(model);
    const candidates = modelNameCandidates(model);
    // Pass 1: a key with the same normalised name.
    for (const c of candidates) {
      const key = this.byCanonical.get(c);
      if (key !== undefined) return this.hit(key);
    }
    // Pass 2: a dated name priced by its undated key (`claude-sonnet-4-5-20990101` → `claude-sonnet-4-5`).
    for (const c of candidates) {
      if (!hasDateSuffix(c)) continue;
      const key = this.byCanonical.get(stripDateSuffix(c));
      if (key !== undefined) return this.hit(key);
    }
    // Pass 3: an undated name priced by its only dated key (`claude-sonnet-4` → `…-20250514`).
    let ambiguous: string[] | null = null;
    for (const c of candidates) {
      if (hasDateSuffix(c)) continue;
      const dated = this.datedByBase.get(c);
      if (dated === undefined) continue;
      const keys = [...dated].map((d) => this.byCanonical.get(d)!).sort();
      if (keys.length === 1) return this.hit(keys[0]!);
      ambiguous ??= keys;
    }
    return ambiguous === null ? unknown() : { key: null, reason: 'ambiguous', candidates: ambiguous };
  }
}

/** A price table over `prices` (keys as the provider names them). */
export function createPriceTable(
  prices: ReadonlyMap<string, ModelPrice> | Record<string, ModelPrice>,
  source: string,
): PriceTable {
  const map = prices instanceof Map ? new Map(prices) : new Map(Object.entries(prices));
  return new MapPriceTable(map, source);
}
