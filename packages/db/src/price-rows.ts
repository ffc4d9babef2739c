import type { DatedPriceRow, ModelPrice } from '@rimuru/core';
import { rawBigIntOrNull, rawDate, rawDateOrNull } from './raw-values.js';
import { chunk, joinSql, sql } from './sql.js';
import type { RawRow, SqlRunner } from './sql-runner.js';

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

function columnsOf(r: RawRow): PriceColumns {
  return {
    inputPico: rawBigIntOrNull(r.input_pico),
    outputPico: rawBigIntOrNull(r.output_pico),
    cacheReadPico: rawBigIntOrNull(r.cache_read_pico),
    cacheWrite5mPico: rawBigIntOrNull(r.cache_write_5m_pico),
    cacheWrite1hPico: rawBigIntOrNull(r.cache_write_1h_pico),
    inputAbove200kPico: rawBigIntOrNull(r.input_above_200k_pico),
    outputAbove200kPico: rawBigIntOrNull(r.output_above_200k_pico),
    cacheReadAbove200kPico: rawBigIntOrNull(r.cache_read_above_200k_pico),
    cacheWrite5mAbove200kPico: rawBigIntOrNull(r.cache_write_5m_above_200k_pico),
    cacheWrite1hAbove200kPico: rawBigIntOrNull(r.cache_write_1h_above_200k_pico),
    fastMultiplier: r.fast_multiplier === null || r.fast_multiplier === undefined ? null : Number(r.fast_multiplier),
  };
}

/** Every dated price row, by model then start. */
export async function listModelPrices(db: SqlRunner): Promise<DatedPriceRow[]> {
  const rows = await db.query(sql`SELECT model, valid_from, source, input_pico, output_pico, cache_read_pico,
      cache_write_5m_pico, cache_write_1h_pico, input_above_200k_pico, output_above_200k_pico, cache_read_above_200k_pico,
      cache_write_5m_above_200k_pico, cache_write_1h_above_200k_pico, fast_multiplier, source_date
    FROM model_prices ORDER BY model, valid_from`);
  return rows.map((r) => ({
    model: String(r.model),
    validFrom: rawDate(r.valid_from),
    source: String(r.source),
    price: priceOf(columnsOf(r)),
    sourceDate: rawDateOrNull(r.source_date),
  }));
}

function valuesOf(row: DatedPriceRow, now: Date) {
  const p = row.price;
  return sql`(${row.model}, ${row.validFrom}, ${p.input}, ${p.output}, ${p.cacheRead}, ${p.cacheWrite5m}, ${p.cacheWrite1h},
    ${p.inputAbove200k}, ${p.outputAbove200k}, ${p.cacheReadAbove200k}, ${p.cacheWrite5mAbove200k},
    ${p.cacheWrite1hAbove200k}, ${p.fastMultiplier}, ${row.source}, ${now}, ${row.sourceDate ?? now})`;
}

/**
 * Writes dated rows in one transaction (a row without its source date is dated by the write).
 * `replace`: a row already at the same (model, start) is overwritten (two syncs from one date:
 * the later wins); `keep`: it stays (seeding).
 */
export async function writeModelPrices(
  db: SqlRunner,
  rows: readonly DatedPriceRow[],
  mode: 'replace' | 'keep',
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  let written = 0;
  await db.transaction(async (tx) => {
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
              fast_multiplier = excluded.fast_multiplier, source = excluded.source, created_at = excluded.created_at,
              source_date = excluded.source_date`;
      written +=
        await tx.execute(sql`INSERT INTO model_prices (model, valid_from, input_pico, output_pico, cache_read_pico,
          cache_write_5m_pico, cache_write_1h_pico, input_above_200k_pico, output_above_200k_pico,
          cache_read_above_200k_pico, cache_write_5m_above_200k_pico, cache_write_1h_above_200k_pico,
          fast_multiplier, source, created_at, source_date)
        VALUES ${joinSql(part.map((r) => valuesOf(r, now)))}
        ${conflict}`);
    }
    await refreshValidTo(tx, [...new Set(rows.map((r) => r.model))]);
  });
  return written;
}

/** Keeps valid_to = the next row's valid_from (null for the newest), for readers of the raw table. */
async function refreshValidTo(tx: SqlRunner, models: readonly string[]): Promise<void> {
  for (const part of chunk(models, ROWS_PER_STATEMENT)) {
    const rows = (
      await tx.query(sql`SELECT id, model, valid_from, valid_to FROM model_prices
        WHERE model IN (${joinSql(part)}) ORDER BY model, valid_from`)
    ).map((r) => ({
      id: r.id,
      model: String(r.model),
      validFrom: rawDate(r.valid_from),
      validTo: rawDateOrNull(r.valid_to),
    }));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const next = rows[i + 1];
      const validTo = next !== undefined && next.model === row.model ? next.validFrom : null;
      if ((validTo?.getTime() ?? null) === (row.validTo?.getTime() ?? null)) continue;
      await tx.execute(sql`UPDATE model_prices SET valid_to = ${validTo} WHERE id = ${row.id}`);
    }
  }
}
