import type { DatedPriceRow, ModelPrice } from '@rimuru/core';
import type { DbClient, DbTx } from './db-client.js';
import { chunk, joinSql, sql } from './sql.js';

/** model_prices rows are few (thousands at most); one multi-row statement per chunk. */
const ROWS_PER_STATEMENT = 200;

interface PriceColumns {
  inputPico: bigint | null;
  outputPico: bigint | null;
  cacheReadPico: bigint | null;
  cacheWrite5mPico: bigint | null;
  cacheWrite1hPico: bigint | null;
  inputAbove200kPico: bigint | null;
  outputAbove200kPico: bigint | null;
  cacheReadAbove200kPico: bigint | null;
  cacheWrite5mAbove200kPico: bigint | null;
  cacheWrite1hAbove200kPico: bigint | null;
  fastMultiplier: number | null;
}

/** A stored row back to a core price. Base classes are stored with defaults applied, so never null in practice. */
function priceOf(c: PriceColumns): ModelPrice {
  return {
    input: c.inputPico ?? 0n,
    output: c.outputPico ?? 0n,
    cacheRead: c.cacheReadPico ?? c.inputPico ?? 0n,
    cacheWrite5m: c.cacheWrite5mPico ?? 0n,
    cacheWrite1h: c.cacheWrite1hPico ?? 0n,
    inputAbove200k: c.inputAbove200kPico,
    outputAbove200k: c.outputAbove200kPico,
    cacheReadAbove200k: c.cacheReadAbove200kPico,
    cacheWrite5mAbove200k: c.cacheWrite5mAbove200kPico,
    cacheWrite1hAbove200k: c.cacheWrite1hAbove200kPico,
    fastMultiplier: c.fastMultiplier,
  };
}

/** Every dated price row, by model then start. */
export async function listModelPrices(db: DbClient): Promise<DatedPriceRow[]> {
  const rows = await db.modelPrice.findMany({ orderBy: [{ model: 'asc' }, { validFrom: 'asc' }] });
  return rows.map((r) => ({ model: r.model, validFrom: r.validFrom, source: r.source, price: priceOf(r) }));
}

function valuesOf(row: DatedPriceRow, now: Date) {
  const p = row.price;
  return sql`(${row.model}, ${row.validFrom}, ${p.input}, ${p.output}, ${p.cacheRead}, ${p.cacheWrite5m}, ${p.cacheWrite1h},
    ${p.inputAbove200k}, ${p.outputAbove200k}, ${p.cacheReadAbove200k}, ${p.cacheWrite5mAbove200k},
    ${p.cacheWrite1hAbove200k}, ${p.fastMultiplier}, ${row.source}, ${now})`;
}

/**
 * Writes dated rows in one transaction. `replace`: a row already at the same (model, start) is
 * overwritten (two syncs from one date: the later wins); `keep`: it stays (seeding).
 */
export async function writeModelPrices(
  db: DbClient,
  rows: readonly DatedPriceRow[],
  mode: 'replace' | 'keep',
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  let written = 0;
  await db.$transaction(async (tx) => {
    for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
      const conflict =
        mode === 'keep'
          ? sql`ON CONFLICT (model, valid_from) DO NOTHING`
          : sql`ON CONFLICT (model, valid_from) DO UPDATE SET
              input_pico = excluded.input_pico, output_pico = excluded.output_pico,
              cache_read_pico = excluded.cache_read_pico, cache_write_5m_pico = excluded.cache_write_5m_pico,
              cache_write_1h_pico = excluded.cache_write_1h_pico, input_above_200k_pico = excluded.input_above_200k_pico,
              output_above_200k_pico = excluded.output_above_200k_pico,
              cache_read_above_200k_pico = excluded.cache_read_above_200k_pico,
              cache_write_5m_above_200k_pico = excluded.cache_write_5m_above_200k_pico,
              cache_write_1h_above_200k_pico = excluded.cache_write_1h_above_200k_pico,
              fast_multiplier = excluded.fast_multiplier, source = excluded.source, created_at = excluded.created_at`;
      written += await tx.$executeRaw`INSERT INTO model_prices (model, valid_from, input_pico, output_pico, cache_read_pico,
          cache_write_5m_pico, cache_write_1h_pico, input_above_200k_pico, output_above_200k_pico,
          cache_read_above_200k_pico, cache_write_5m_above_200k_pico, cache_write_1h_above_200k_pico,
          fast_multiplier, source, created_at)
        VALUES ${joinSql(part.map((r) => valuesOf(r, now)))}
        ${conflict}`;
    }
    await refreshValidTo(tx, [...new Set(rows.map((r) => r.model))]);
  }, { maxWait: 60_000, timeout: 600_000 });
  return written;
}

/** Keeps valid_to = the next row's valid_from (null for the newest), for readers of the raw table. */
async function refreshValidTo(tx: DbTx, models: readonly string[]): Promise<void> {
  for (const part of chunk(models, ROWS_PER_STATEMENT)) {
    const rows = await tx.modelPrice.findMany({
      where: { model: { in: part } },
      select: { id: true, model: true, validFrom: true, validTo: true },
      orderBy: [{ model: 'asc' }, { validFrom: 'asc' }],
    });
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const next = rows[i + 1];
      const validTo = next !== undefined && next.model === row.model ? next.validFrom : null;
      if ((validTo?.getTime() ?? null) === (row.validTo?.getTime() ?? null)) continue;
      await tx.modelPrice.update({ where: { id: row.id }, data: { validTo } });
    }
  }
}
