import { sql } from './sql.js';
import type { SqlRunner } from './sql-runner.js';

/** The store's small key/value facts (schema version, last sync, price snapshot seen). */
export async function getMeta(db: SqlRunner, key: string): Promise<string | null> {
  const [row] = await db.query<{ value: unknown }>(sql`SELECT value FROM meta WHERE key = ${key}`);
  return row === undefined ? null : String(row.value);
}

export async function setMeta(db: SqlRunner, key: string, value: string): Promise<void> {
  await db.execute(sql`INSERT INTO meta (key, value) VALUES (${key}, ${value})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}
