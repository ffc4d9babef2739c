// Prisma's SQL template tag: parameters stay parameters on both dialects.
export { sqltag as sql, join as joinSql, empty as emptySql, Sql } from '@prisma/client/runtime/client';

/** Splits `items` into chunks of at most `size` (SQLite allows 32766 parameters per statement). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
