import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';

/**
 * What migration 0006 does to price rows older versions wrote, for rows that arrive another
 * way (an export written before schema 6): bundled rows came from the snapshot of 2026-07-24
 * (every Rimuru before schema 6 shipped it), a synced row dates from its last write.
 */
export async function dateLegacyPrices(tx: SqlRunner): Promise<void> {
  await tx.execute(sql`UPDATE model_prices SET source_date = ${new Date('2026-07-24T00:00:00.000Z')}
    WHERE source = 'bundled' AND source_date IS NULL`);
  await tx.execute(
    sql`UPDATE model_prices SET source_date = created_at WHERE source <> 'bundled' AND source_date IS NULL`,
  );
}
