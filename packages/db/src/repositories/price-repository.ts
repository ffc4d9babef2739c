import type { DatedPriceRow } from '@rimuru/core';
import { listModelPrices, writeModelPrices } from '../price-rows.js';
import type { SqlRunner } from '../sql-runner.js';
import type { PriceRepository } from '../store.js';

/** The `model_prices` table. */
export class SqlPriceRepository implements PriceRepository {
  constructor(
    private readonly sql: SqlRunner,
    private readonly now: () => Date,
  ) {}

  list() {
    return listModelPrices(this.sql);
  }

  write(rows: readonly DatedPriceRow[], mode: 'replace' | 'keep') {
    return writeModelPrices(this.sql, rows, mode, this.now());
  }
}
